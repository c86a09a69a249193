package dev.jostle.stress.causality;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Message passing: one thread writes the data, then a volatile vready flag; the other reads
 * the flag, then the data. Fixed: the volatile write of the flag releases the data; its volatile read acquires it.
 */
@JCStressTest
@Outcome(id = {"0, 0", "0, 1"}, expect = ACCEPTABLE, desc = "The reader ran before the flag was set.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The reader saw the flag and the data it announces.")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "The reader saw the flag but not the data, which volatile's happens-before edge must never allow.")
@State
public class Causality_02_Volatile {

    private int data;
    private volatile int ready;

    @Actor
    public void writer() {
        data = 1;
        ready = 1;
    }

    @Actor
    public void reader(II_Result r) {
        r.r1 = ready;
        r.r2 = data;
    }
}
