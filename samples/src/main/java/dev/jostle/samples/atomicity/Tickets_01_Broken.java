/*
 * Atomicity violation: two calls on a thread-safe collection.
 *
 * The roll is a Collections.synchronizedList: every call on it is atomic. But take() makes two calls, and
 * the answer to the first is stale by the time of the second:
 *
 *   clerk-0: tickets.isEmpty()?  no (one ticket left)
 *   clerk-1: tickets.isEmpty()?  no
 *   clerk-1: tickets.remove(0)   -> the last ticket
 *   clerk-0: tickets.remove(0)   -> IndexOutOfBoundsException
 *
 * Why it usually passes anyway. Both clerks must be at the last ticket at the same moment, between two
 * calls a few hundred nanoseconds apart; the second clerk's thread usually starts after the first has sold
 * the whole roll.
 *
 * How Jostle catches it. The list's code is the JDK's and is not instrumented, but the read of the
 * `tickets` field between the two calls is: noise there parks a clerk between its check and its remove.
 *
 * The fixes:
 *   Tickets_02_Locked   - the check and the remove run while holding the list's own lock (the lock its
 *                         methods use), so no other call can come between them.
 *   Tickets_03_Messages - the roll is an immutable list swapped whole with compareAndSet: a clerk takes the
 *                         head of the list it saw, and the swap fails if anyone changed the roll meanwhile.
 *   Tickets_04_Channel  - the roll is a BlockingQueue and take is one call, poll(): "check and remove" is a
 *                         single operation of the queue.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Tickets
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks, then removes, in two calls on a synchronized list: broken. */
public final class Tickets_01_Broken implements TicketRoll {

    private final List<Integer> tickets = Collections.synchronizedList(new ArrayList<>());

    public Tickets_01_Broken(int count) {
        for (int i = 0; i < count; i++) {
            tickets.add(i);
        }
    }

    @Override
    public int take() {
        if (tickets.isEmpty()) {
            return -1;
        }
        return tickets.remove(0);
    }
}
