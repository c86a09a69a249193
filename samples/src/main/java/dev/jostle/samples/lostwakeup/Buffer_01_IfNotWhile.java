/*
 * Lost wake-up, first form: wait() under `if` instead of `while`.
 *
 * A consumer that finds the buffer empty waits, and when woken assumes the buffer is now full. But waking
 * only means "something changed, look again"; by the time the consumer holds the lock again, another
 * consumer may have taken the item:
 *
 *   consumer-a: empty -> wait()
 *   consumer-b: empty -> wait()
 *   producer:   put 1; notifyAll()
 *   consumer-a: (woken) takes 1; notifyAll()
 *   consumer-b: (woken) does not look again: takes from the empty buffer -> fails
 *
 * (The same holds for a producer that wakes to a buffer that another producer has filled again: it
 * overwrites an item.)
 *
 * Why it passes anyway, sometimes. This bug is not shy: a woken consumer only has to lose the race to
 * another consumer, and with three producers and three consumers it often does, noise or not. With two of
 * each it hardly ever failed without noise, but noise then caught it too rarely to make a fair
 * demonstration, so the sample runs with three.
 *
 * How Jostle catches it. Noise at the monitor enters and at the reads of `full` reorders who gets the lock
 * after a notifyAll; a woken consumer that lost the race finds the buffer empty and, not looking again,
 * takes nothing.
 *
 * The fixes (shared with Buffer_02_NotifyNotAll):
 *   Buffer_03_Locked     - wait in a `while` loop and notifyAll: a woken thread looks again, and everyone
 *                          who might be able to go on is woken.
 *   Buffer_04_Conditions - a ReentrantLock with two conditions, notFull and notEmpty, each waited on in a
 *                          loop: producers wake consumers and consumers wake producers, never their own kind.
 *   Buffer_05_Channel    - an ArrayBlockingQueue(1): the JDK's bounded buffer, whose put/take do all of
 *                          this correctly.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Buffer
 */
package dev.jostle.samples.lostwakeup;

/** Waits under `if`: broken. */
public final class Buffer_01_IfNotWhile implements BoundedBuffer {

    private final int[] slots = new int[BoundedBuffer.CAPACITY];
    private int head;
    private int count;

    @Override
    public synchronized void put(int value) throws InterruptedException {
        if (count == slots.length) {
            wait();
        }
        if (count == slots.length) {
            throw new IllegalStateException("put into a full buffer");
        }
        slots[(head + count) % slots.length] = value;
        count++;
        notifyAll();
    }

    @Override
    public synchronized int take() throws InterruptedException {
        if (count == 0) {
            wait();
        }
        if (count == 0) {
            throw new IllegalStateException("took from an empty buffer");
        }
        int item = slots[head];
        head = (head + 1) % slots.length;
        count--;
        notifyAll();
        return item;
    }
}
