package dev.jostle.stress.publication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Broken on every machine: the object is published first and configured afterwards ("new, share, then set
 * up"), so a reader can run between the two writes. No reordering is needed, only an unlucky interleaving;
 * volatile does not help. The fix is to configure first and publish last, safely (Publication_02_Volatile).
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "The reader ran before the publication and saw no object.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "The reader saw the object after it was configured.")
@Outcome(id = "0", expect = ACCEPTABLE_INTERESTING, desc = "The reader saw the object between its publication and its configuration.")
@State
public class Publication_04_BrokenPublishThenConfigure {

    private volatile Box shared;

    @Actor
    public void publish() {
        Box box = new Box(0);
        shared = box;
        box.value = 42;
    }

    @Actor
    public void read(I_Result r) {
        Box seen = shared;
        r.r1 = seen == null ? -1 : seen.value;
    }
}
