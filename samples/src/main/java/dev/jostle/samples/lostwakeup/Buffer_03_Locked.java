/*
 * Lost wake-up, fixed: wait in a while loop, wake everyone with notifyAll.
 *
 * A woken thread checks its condition again before going on (so a consumer that lost the race to another
 * consumer waits again instead of taking nothing), and notifyAll wakes every waiter (so the one thread
 * that can go on is always among those woken). Together they close both windows of Buffer_01 and
 * Buffer_02, at the price of waking threads that only go back to sleep.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Buffer
 */
package dev.jostle.samples.lostwakeup;

/** The textbook monitor: while + notifyAll. */
public final class Buffer_03_Locked implements BoundedBuffer {

    private final int[] slots = new int[BoundedBuffer.CAPACITY];
    private int head;
    private int count;

    @Override
    public synchronized void put(int value) throws InterruptedException {
        while (count == slots.length) {
            wait();
        }
        slots[(head + count) % slots.length] = value;
        count++;
        notifyAll();
    }

    @Override
    public synchronized int take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        int item = slots[head];
        head = (head + 1) % slots.length;
        count--;
        notifyAll();
        return item;
    }
}
