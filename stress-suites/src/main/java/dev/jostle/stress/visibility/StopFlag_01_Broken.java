package dev.jostle.stress.visibility;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A worker spins until another thread sets its plain stop flag.
 * Broken: nothing obliges the worker to re-read a plain field, and C2 reads it once before the loop.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "The worker saw the flag and stopped.")
@Outcome(id = "STALE", expect = ACCEPTABLE_INTERESTING, desc = "The worker never saw the flag: the JIT hoisted the plain read out of the loop.")
@State
public class StopFlag_01_Broken {

    private boolean stop;

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
