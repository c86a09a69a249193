/*
 * Lost wake-up, fixed by using a channel: the JDK's ArrayBlockingQueue.
 *
 * A bounded BlockingQueue is this buffer, written and tested by the JDK: put() waits while it is full,
 * take() while it is empty, with the lock-and-conditions design of Buffer_04 inside. The items are
 * messages handed from producer to consumer; nothing else is shared.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Buffer
 */
package dev.jostle.samples.lostwakeup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** An ArrayBlockingQueue of the same capacity. */
public final class Buffer_05_Channel implements BoundedBuffer {

    private final BlockingQueue<Integer> slot = new ArrayBlockingQueue<>(BoundedBuffer.CAPACITY);

    @Override
    public void put(int item) throws InterruptedException {
        slot.put(item);
    }

    @Override
    public int take() throws InterruptedException {
        return slot.take();
    }
}
