package dev.jostle.stress.visibility;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A worker spins until another thread sets its volatile vstop flag.
 * Fixed: every volatile read sees the latest write, so the loop ends.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw the flag and stopped.")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "The worker never saw the flag, which a volatile read in every iteration must never allow.")
@State
public class StopFlag_02_Volatile {

    private volatile boolean stop;

    @Actor
    public void worker() {
        while (!stop) {
            // spin: the work a real worker would do does not matter here
        }
    }

    @Signal
    public void requestStop() {
        stop = true;
    }
}
