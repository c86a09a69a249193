package dev.jostle.stress.dekker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Dekker-style consensus (store buffering): each thread raises its own plain flag, then
 * reads the other's. If neither sees the other's flag, both would enter a critical section. Broken: even x86 lets a load overtake an earlier store to another address.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "One thread saw the other's flag, the other did not.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both threads saw each other's flag.")
@Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Neither thread saw the other's flag: each store waited in a store buffer while the load ran.")
@State
public class Dekker_01_Plain {

    private int wantsFirst;
    private int wantsSecond;

    @Actor
    public void first(II_Result r) {
        wantsFirst = 1;
        r.r1 = wantsSecond;
    }

    @Actor
    public void second(II_Result r) {
        wantsSecond = 1;
        r.r2 = wantsFirst;
    }
}
