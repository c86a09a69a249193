package dev.jostle.stress.lostupdate;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Two threads increment one shared {@link LockedCounter} once each; the arbiter reads the total after both finished.
 * Run alone: {@code mvn -pl stress-suites verify -Djostle.jcstress.tests=LostUpdate_03_Locked}.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
@Outcome(id = "1", expect = FORBIDDEN, desc = "One increment was lost, which the lock must never allow.")
@State
public class LostUpdate_03_Locked {

    private final Counter counter = new LockedCounter();

    @Actor
    public void first() {
        counter.increment();
    }

    @Actor
    public void second() {
        counter.increment();
    }

    @Arbiter
    public void total(I_Result r) {
        r.r1 = counter.get();
    }
}
