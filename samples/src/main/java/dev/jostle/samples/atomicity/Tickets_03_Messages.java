/*
 * Atomicity violation (two calls on a synchronized list), fixed with an immutable roll.
 *
 * The roll is an immutable List held in an AtomicReference. A clerk reads the roll, takes its first ticket
 * and offers the rest of the roll with compareAndSet: the swap succeeds only if the roll is still the one
 * the clerk looked at. If another clerk sold a ticket meanwhile, the swap fails and the clerk looks again.
 * Looking and taking can no longer be split, because a stale look cannot be acted on.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Tickets
 */
package dev.jostle.samples.atomicity;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** An immutable roll, replaced whole. */
public final class Tickets_03_Messages implements TicketRoll {

    private final AtomicReference<List<Integer>> roll;

    public Tickets_03_Messages(int count) {
        roll = new AtomicReference<>(IntStream.range(0, count).boxed().collect(Collectors.toUnmodifiableList()));
    }

    @Override
    public int take() {
        while (true) {
            List<Integer> seen = roll.get();
            if (seen.isEmpty()) {
                return -1;
            }
            if (roll.compareAndSet(seen, List.copyOf(seen.subList(1, seen.size())))) {
                return seen.get(0);
            }
        }
    }
}
