package dev.jostle.stress.publication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import dev.jostle.stress.HardwareDependent;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * One thread publishes a new {@link Box} through a plain field; another reads it.
 * Broken: the constructor's write and the publishing write may be reordered by the compiler or the CPU.
 */
@HardwareDependent("Needs store-store reordering: seen on AArch64 and POWER; x86-64 (TSO) and C2 keep the constructor's write first.")
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The reader ran before the publication and saw no object.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The reader saw the object with its value.")
@Outcome(id = "0", expect = ACCEPTABLE_INTERESTING, desc = "The reader saw the object but not its value: the writes reached it out of order.")
@State
public class Publication_01_Broken {

    private Box shared;

    @Actor
    public void publish() {
        shared = new Box(42);
    }

    @Actor
    public void read(I_Result r) {
        Box seen = shared;
        r.r1 = seen == null ? -1 : seen.value;
    }
}
