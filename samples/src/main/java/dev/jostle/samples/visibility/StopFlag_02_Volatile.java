/*
 * Visibility (stop flag), fixed with volatile.
 *
 * A volatile read cannot be hoisted out of the loop or served from a register: each lap reads memory,
 * and the write in stop() happens-before every read that sees it. The spinner stops within a lap or two
 * of being told.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only StopFlag
 */
package dev.jostle.samples.visibility;

/** Spins on a volatile boolean. */
public final class StopFlag_02_Volatile implements Spinner {

    private volatile boolean stopped;

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
