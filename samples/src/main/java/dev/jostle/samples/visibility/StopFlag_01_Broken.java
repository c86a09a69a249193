/*
 * Visibility: a stop flag spun on without volatile.
 *
 * The spinner loops while `!stopped`. Nothing in the loop writes `stopped` or synchronises, so the JIT may
 * read the field once, before the loop, and spin on the copy in a register forever; the other thread's
 * write is never seen. Without the agent this is what happens as soon as C2 compiles the loop: the spinner
 * runs to its lap limit (which stands in for "forever" here, so that a hung spinner ends and the table can
 * be printed).
 *
 * What Jostle can and cannot show here, honestly. This bug is not about timing, so no interleaving exposes
 * it. Worse, the agent's hooks at every field read stop the JIT from hoisting the read: instrumented, the
 * spinner sees the flag and the bug disappears, with noise or without. That is why this variant is marked
 * as out of noise's reach in the catalogue. What does find it is a happens-before race detector, since the
 * write of `stopped` and its reads are not ordered: the runner's rounds without noise run Jostle's, and
 * the table shows this variant as CAUGHT (race). Without the agent the spinner hangs in nearly every
 * round once C2 has compiled the loop.
 *
 * The fixes:
 *   StopFlag_02_Volatile - `stopped` is volatile: every read goes to memory, and the write is seen.
 *   StopFlag_03_Channel  - the stop request is a message on a queue the spinner polls: the queue's own
 *                          synchronisation carries it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only StopFlag
 */
package dev.jostle.samples.visibility;

/** Spins on a plain boolean: broken. */
public final class StopFlag_01_Broken implements Spinner {

    private boolean stopped;

    @Override
    public long spin() {
        long laps = 0;
        while (!stopped && laps < LIMIT) {
            laps++;
        }
        return laps;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
