package dev.jostle.stress.causality;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Message passing: one thread writes the data, then a plain ready flag; the other reads
 * the flag, then the data. Broken: without a release/acquire pair the two writes (or the two reads) may be reordered.
 */
@JCStressTest
@Outcome(id = {"0, 0", "0, 1"}, expect = ACCEPTABLE, desc = "The reader ran before the flag was set.")
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "The reader saw the flag and the data it announces.")
@Outcome(id = "1, 0", expect = ACCEPTABLE_INTERESTING, desc = "The reader saw the flag but not the data written before it: no happens-before links them.")
@State
public class Causality_01_Plain {

    private int data;
    private int ready;

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
