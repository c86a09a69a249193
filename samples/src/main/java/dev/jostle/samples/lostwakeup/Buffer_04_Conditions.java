/*
 * Lost wake-up, fixed with a lock and two conditions.
 *
 * Producers wait on notFull and consumers on notEmpty, each in a while loop. A put signals notEmpty, which
 * only consumers wait on, and a take signals notFull, which only producers wait on: a single signal() can
 * no longer wake a thread of the wrong kind (the hang of Buffer_02), and the loop handles a wake-up that
 * finds the condition false again (the failure of Buffer_01).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Buffer
 */
package dev.jostle.samples.lostwakeup;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** One lock, one condition per kind of waiter. */
public final class Buffer_04_Conditions implements BoundedBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition notEmpty = lock.newCondition();
    private final int[] slots = new int[BoundedBuffer.CAPACITY];
    private int head;
    private int count;

    @Override
    public void put(int value) throws InterruptedException {
        lock.lock();
        try {
            while (count == slots.length) {
                notFull.await();
            }
            slots[(head + count) % slots.length] = value;
            count++;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int take() throws InterruptedException {
        lock.lock();
        try {
            while (count == 0) {
                notEmpty.await();
            }
            int item = slots[head];
            head = (head + 1) % slots.length;
            count--;
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }
}
