/*
 * Visibility and ordering: searchers and a coordinator that are told "found" before "where".
 *
 * The lookout has two plain fields: `found` and `position`. The finder sets found first, then position.
 * The coordinator spins until it sees found, then reads position:
 *
 *   finder:      found = true
 *   coordinator: found? yes -> position is still 0: goes to the wrong shelf
 *   finder:      position = 437
 *
 * And a second fault, which noise cannot show: neither field is volatile, so nothing obliges the other
 * searchers to ever see `found` (they may scan their whole third for nothing), nor the coordinator to
 * see `position` even in the right order. A happens-before race detector reports those.
 *
 * Why it usually passes anyway. The two writes are nanoseconds apart; the coordinator rarely reads in
 * between.
 *
 * How Jostle catches it. Noise at the write of `position` holds the finder after it has raised the flag;
 * the coordinator reads the position that was never written.
 *
 * The fixes:
 *   Search_02_Volatile - position first, then a volatile `found`: a reader that sees found sees the
 *                        position written before it (volatile write/read is a happens-before edge).
 *   Search_03_Messages - one immutable Sighting record, published once: "found" and "where" are one
 *                        object, so nobody can see one without the other.
 *   Search_04_Channel  - the finder completes a one-shot channel (a CompletableFuture) with the position;
 *                        the coordinator waits on it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Search
 */
package dev.jostle.samples.visibility;

import dev.jostle.samples.Crew;

/** Raises the flag before writing the news, both plain fields: broken. */
public final class Search_01_Broken implements Lookout {

    private boolean found;
    private int position;

    @Override
    public void report(int where) {
        found = true;
        position = where;
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
