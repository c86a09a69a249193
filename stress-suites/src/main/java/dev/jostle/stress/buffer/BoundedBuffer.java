package dev.jostle.stress.buffer;

/** A fixed-capacity FIFO buffer that never blocks: offer says false when full, poll says null when empty. */
public interface BoundedBuffer {

    boolean offer(int value);

    Integer poll();
}
