package dev.jostle.programs.buggy;

import java.util.ArrayList;
import java.util.List;

/**
 * Check-then-act with a bounded buffer, 6 threads, narrow window, 5 ms margin. Producers check that the
 * buffer has room, then add under the lock: the capacity check is outside it. Their items arrive 5 ms
 * apart, so no two producers are ever between check and add at once. Breaks only when one is paused
 * there for longer than that while another fills the last slot.
 */
public class BoundedBufferOverflow {
    static final int CAPACITY = 5;
    static final List<Integer> BUFFER = new ArrayList<>();
    static final long MARGIN_MILLIS = 5;

    static void offer(int item) {
        if (size() < CAPACITY) {
            synchronized (BUFFER) {
                BUFFER.add(item);
            }
        }
    }

    static int size() {
        synchronized (BUFFER) {
            return BUFFER.size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // Main fills all but one slot through offer() itself, so the producers race on linked code.
        for (int i = 0; i < CAPACITY - 1; i++) {
            offer(-i);
        }
        Thread[] producers = new Thread[6];
        for (int i = 0; i < producers.length; i++) {
            int item = i;
            long arrival = i * MARGIN_MILLIS;
            producers[i] = new Thread(() -> {
                readRequest(arrival);
                offer(item);
            }, "producer-" + i);
            producers[i].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        if (BUFFER.size() > CAPACITY) {
            throw new AssertionError("buffer over capacity: " + BUFFER.size() + " > " + CAPACITY);
        }
    }

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    static void readRequest(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
