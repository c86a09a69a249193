package dev.jostle.stress.publication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * One thread publishes a new {@link Box} through a volatile vfield; another reads it.
 * Fixed: the volatile write releases the constructor's write; the volatile read acquires it.
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The reader ran before the publication and saw no object.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The reader saw the object with its value.")
@Outcome(id = "0", expect = FORBIDDEN, desc = "The reader saw the object without its value, which a volatile publication must never allow.")
@State
public class Publication_02_Volatile {

    private volatile Box shared;

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
