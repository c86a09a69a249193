package dev.jostle.stress.publication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * One thread publishes a new {@link FinalBox} through a plain field; another reads it.
 * Fixed (and the classic final-field case): final fields are safe even through a racy publication.
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The reader ran before the publication and saw no object.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The reader saw the object with its value.")
@Outcome(id = "0", expect = FORBIDDEN, desc = "The reader saw the object without its final value, which JLS 17.5 forbids.")
@State
public class Publication_03_FinalField {

    private FinalBox shared;

    @Actor
    public void publish() {
        shared = new FinalBox(42);
    }

    @Actor
    public void read(I_Result r) {
        FinalBox seen = shared;
        r.r1 = seen == null ? -1 : seen.value;
    }
}
