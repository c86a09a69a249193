package dev.jostle.programs.buggy;

import java.util.ArrayList;
import java.util.List;

/**
 * Check-then-act with a bounded buffer, 6 threads, narrow window. Producers check that the buffer has room,
 * then add under the lock: the capacity check is outside it. Rarely two producers are between check and
 * add at once; breaks when one is paused there while another fills the last slot.
 */
public class BoundedBufferOverflow {
    static final int CAPACITY = 5;
    static final List<Integer> BUFFER = new ArrayList<>();

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
            producers[i] = new Thread(() -> offer(item), "producer-" + i);
            producers[i].start();
        }
        for (Thread producer : producers) {
            producer.join();
        }
        if (BUFFER.size() > CAPACITY) {
            throw new AssertionError("buffer over capacity: " + BUFFER.size() + " > " + CAPACITY);
        }
    }
}
