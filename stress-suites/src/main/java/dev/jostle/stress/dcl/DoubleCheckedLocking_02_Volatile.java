package dev.jostle.stress.dcl;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/** Two threads get the resource from one {@link VolatileDcl} and report the value they see in it. */
@JCStressTest
@Outcome(id = "42, 42", expect = ACCEPTABLE, desc = "Both threads saw a fully built resource.")
@Outcome(id = {"0, 42", "42, 0", "0, 0"}, expect = FORBIDDEN, desc = "A thread got a half-built resource, which a volatile instance field must never allow.")
@State
public class DoubleCheckedLocking_02_Volatile {

    private final VolatileDcl singleton = new VolatileDcl();

    @Actor
    public void first(II_Result r) {
        r.r1 = singleton.get().value;
    }

    @Actor
    public void second(II_Result r) {
        r.r2 = singleton.get().value;
    }
}
