/*
 * Lost wake-up, second form: notify() instead of notifyAll().
 *
 * The wait is in a proper `while` loop, but put() and take() wake just one waiting thread, and producers
 * and consumers wait on the same monitor. The one woken can be of the wrong kind:
 *
 *   consumer-a, consumer-b: empty -> wait()
 *   producer-x: put 1; notify() wakes consumer-a
 *   producer-x: full -> wait();  producer-y: full -> wait()
 *   consumer-a: takes 1; notify() wakes consumer-b (not a producer!)
 *   consumer-b: empty -> wait()
 *
 * Now all four wait, each for a notify that only another waiting thread could send: the program hangs
 * with every thread in WAITING and no lock held (which is why it is not a deadlock).
 *
 * Why it usually passes anyway. It needs two threads of each kind waiting at once and the wrong one
 * chosen; usually a thread finds the buffer as it needs it and never waits.
 *
 * How Jostle catches it. Noise at the monitor enters and around put/take makes threads arrive together,
 * so more of them wait and a wrong wake-up ends the round in a hang; the runner reports a timeout with
 * every thread's stack in Object.wait.
 *
 * The fixes: Buffer_03_Locked, Buffer_04_Conditions, Buffer_05_Channel (see Buffer_01_IfNotWhile).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Buffer
 */
package dev.jostle.samples.lostwakeup;

/** Waits in a loop but wakes only one thread: broken. */
public final class Buffer_02_NotifyNotAll implements BoundedBuffer {

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
        notify();
    }

    @Override
    public synchronized int take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        int item = slots[head];
        head = (head + 1) % slots.length;
        count--;
        notify();
        return item;
    }
}
