package dev.jostle.samples.lostwakeup;

import dev.jostle.samples.Crew;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checked scenario: a few producers put {@link #ITEMS} item each into a buffer with room for
 * {@link BoundedBuffer#CAPACITY}; as many consumers take as many. Everything put must be taken, exactly
 * once. A consumer that takes from an empty buffer fails; threads that all wait forever end the round by
 * its timeout. Every variant runs with three producers and three consumers.
 */
public final class BufferScenario {

    static final int ITEMS = 1;

    private BufferScenario() {
    }

    /** Runs the scenario with this many producers and as many consumers. */
    public static void run(BoundedBuffer buffer, int pairs) {
        AtomicLong taken = new AtomicLong();
        Runnable producer = () -> {
            try {
                for (int i = 1; i <= ITEMS; i++) {
                    buffer.put(i);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Runnable consumer = () -> {
            try {
                for (int i = 0; i < ITEMS; i++) {
                    taken.addAndGet(buffer.take());
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Runnable[] crew = new Runnable[2 * pairs];
        for (int i = 0; i < pairs; i++) {
            crew[i] = producer;
            crew[pairs + i] = consumer;
        }
        Crew.run("buffer", crew);
        long expected = (long) pairs * ITEMS * (ITEMS + 1) / 2;
        if (taken.get() != expected) {
            throw new AssertionError("consumers took items worth " + taken.get() + "; producers put " + expected);
        }
    }
}
