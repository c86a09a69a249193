/*
 * Searchers told "found" before "where", fixed with volatile and the right order.
 *
 * The finder writes the position first and then the volatile `found`. A volatile write publishes every
 * write before it to any thread whose volatile read sees it: once the coordinator sees found, it sees the
 * position. And searchers, reading a volatile, cannot keep a stale copy of the flag: they stop soon after.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Search
 */
package dev.jostle.samples.visibility;

import dev.jostle.samples.Crew;

/** Writes the news, then raises a volatile flag. */
public final class Search_02_Volatile implements Lookout {

    private volatile boolean found;
    private int position;

    @Override
    public void report(int where) {
        position = where;
        found = true;
    }

    @Override
    public boolean spotted() {
        return found;
    }

    @Override
    public int awaitPosition() {
        while (!found) {
            Crew.checkAbandoned();
            Thread.onSpinWait();
        }
        return position;
    }
}
