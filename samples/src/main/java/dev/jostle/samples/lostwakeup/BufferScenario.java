package dev.jostle.samples.lostwakeup;

import dev.jostle.samples.Crew;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checked scenario: two producers put {@link #ITEMS} items each (1, 2, 3 ...) into a buffer of {@link BoundedBuffer#CAPACITY};
 * two consumers take {@link #ITEMS} each. Everything put must be taken, exactly once. A consumer that takes
 * from an empty buffer fails; threads that all wait forever end the round by its timeout.
 */
public final class BufferScenario {

    static final int ITEMS = 2;

    private BufferScenario() {
    }

    public static void run(BoundedBuffer buffer) {
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
        Crew.run("buffer", producer, producer, consumer, consumer);
        long expected = 2L * ITEMS * (ITEMS + 1) / 2;
        if (taken.get() != expected) {
            throw new AssertionError("consumers took items worth " + taken.get() + "; producers put " + expected);
        }
    }
}
