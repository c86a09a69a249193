package dev.jostle.stress.lostupdate;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Two threads increment one shared {@link PlainCounter} once each; the arbiter reads the total after both finished.
 * Run alone: {@code mvn -pl stress-suites verify -Djostle.jcstress.tests=LostUpdate_01_Broken}.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
@Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "One increment was lost: both threads read 0 and both wrote 1.")
@State
public class LostUpdate_01_Broken {

    private final Counter counter = new PlainCounter();

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
