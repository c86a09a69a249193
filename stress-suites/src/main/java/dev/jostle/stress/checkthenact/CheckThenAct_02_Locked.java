package dev.jostle.stress.checkthenact;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.Z_Result;

/** Two threads ask one {@link LockedLazy} for its instance; the arbiter asks whether they got the same one. */
@JCStressTest
@Outcome(id = "true", expect = ACCEPTABLE, desc = "Both threads got the one instance.")
@Outcome(id = "false", expect = FORBIDDEN, desc = "Two instances were created, which the lock around check and act must never allow.")
@State
public class CheckThenAct_02_Locked {

    private final LockedLazy<Object> lazy = new LockedLazy<>(Object::new);
    private Object seenByFirst;
    private Object seenBySecond;

    @Actor
    public void first() {
        seenByFirst = lazy.get();
    }

    @Actor
    public void second() {
        seenBySecond = lazy.get();
    }

    @Arbiter
    public void sameInstance(Z_Result r) {
        r.r1 = seenByFirst == seenBySecond;
    }
}
