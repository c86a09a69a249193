package dev.jostle.stress.dekker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Dekker-style consensus (store buffering): each thread raises its own volatile vflag, then
 * reads the other's. If neither sees the other's flag, both would enter a critical section. Fixed: volatile accesses are totally ordered, so one store comes first and its thread's partner sees it.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE, desc = "One thread saw the other's flag, the other did not.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "Both threads saw each other's flag.")
@Outcome(id = "0, 0", expect = FORBIDDEN, desc = "Neither thread saw the other's flag, which sequentially consistent volatiles must never allow.")
@State
public class Dekker_02_Volatile {

    private volatile int wantsFirst;
    private volatile int wantsSecond;

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
