/*
 * Livelock (polite diners), fixed with a channel.
 *
 * The spoon is a message: a single token in a queue. A diner takes it (blocking until it is there), eats,
 * and puts it back. Taking it is a commitment: there is no "after you" to loop on, and each handover
 * ends with someone eating. The meal count is sent along with the token, so it too has one owner at a
 * time.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Diners
 */
package dev.jostle.samples.livelock;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The spoon, with the meal count, is a token passed through a queue. */
public final class Diners_03_Channel implements Spoon {

    /** The spoon as a message: whoever holds it owns the count of meals. */
    private record SpoonToken(int meals) {
    }

    private final BlockingQueue<SpoonToken> table = new ArrayBlockingQueue<>(1);

    public Diners_03_Channel() {
        table.add(new SpoonToken(0));
    }

    @Override
    public void dine(int me) {
        try {
            SpoonToken spoon = table.take();
            table.put(new SpoonToken(spoon.meals() + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the spoon");
        }
    }

    @Override
    public int meals() {
        SpoonToken spoon = table.peek();
        return spoon == null ? -1 : spoon.meals();
    }
}
