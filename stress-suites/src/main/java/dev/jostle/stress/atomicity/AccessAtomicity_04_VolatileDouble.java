package dev.jostle.stress.atomicity;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * One thread writes all bits of a volatile vdouble; another reads it. JLS 17.7 lets a plain
 * long or double be written as two 32-bit halves; a volatile one never. (On 64-bit HotSpot plain accesses
 * are atomic in practice, so the broken variant is expected to show nothing there.)
 */
@JCStressTest
@Outcome(id = "0", expect = ACCEPTABLE, desc = "The reader saw the old value.")
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The reader saw the new value.")
@Outcome(expect = FORBIDDEN, desc = "The reader saw a torn value, which JLS 17.7 forbids for volatile doubles.")
@State
public class AccessAtomicity_04_VolatileDouble {

    private volatile double field;

    @Actor
    public void write() {
        field = Double.longBitsToDouble(0xFFFFFFFFFFFFFFFFL);
    }

    @Actor
    public void read(J_Result r) {
        r.r1 = Double.doubleToRawLongBits(field); // raw bits: every torn half shows, none folds into NaN
    }
}
