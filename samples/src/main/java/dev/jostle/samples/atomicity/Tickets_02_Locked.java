/*
 * Atomicity violation (two calls on a synchronized list), fixed with the list's lock.
 *
 * A synchronizedList locks itself for each call. Holding that same lock around both calls makes the pair
 * atomic: no other clerk's isEmpty or remove can run between this clerk's check and its remove. (The
 * lock must be the list itself, as its documentation says, not some other object.)
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Tickets
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Check and remove under the list's own lock. */
public final class Tickets_02_Locked implements TicketRoll {

    private final List<Integer> tickets = Collections.synchronizedList(new ArrayList<>());

    public Tickets_02_Locked(int count) {
        for (int i = 0; i < count; i++) {
            tickets.add(i);
        }
    }

    @Override
    public int take() {
        synchronized (tickets) {
            if (tickets.isEmpty()) {
                return -1;
            }
            return tickets.remove(0);
        }
    }
}
