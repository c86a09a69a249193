package dev.jostle.stress.dcl;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import dev.jostle.stress.HardwareDependent;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** Two threads get the resource from one {@link BrokenDcl} and report the value they see in it. */
@HardwareDependent("Needs store-store reordering: seen on AArch64 and POWER; x86-64 (TSO) and C2 keep the constructor's write first.")
@JCStressTest
@Outcome(id = "42, 42", expect = ACCEPTABLE, desc = "Both threads saw a fully built resource.")
@Outcome(id = {"0, 42", "42, 0", "0, 0"}, expect = ACCEPTABLE_INTERESTING, desc = "A thread got the resource before its constructor's write reached it.")
@State
public class DoubleCheckedLocking_01_Broken {

    private final BrokenDcl singleton = new BrokenDcl();

    @Actor
    public void first(II_Result r) {
        r.r1 = singleton.get().value;
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = singleton.get().value;
    }
}
