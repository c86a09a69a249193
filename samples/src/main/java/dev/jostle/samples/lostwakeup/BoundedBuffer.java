package dev.jostle.samples.lostwakeup;

/** A buffer with room for {@link #CAPACITY} items, shared by several producers and consumers; the wait/notify contract. */
public interface BoundedBuffer {

    int CAPACITY = 1;

    /** Puts an item, waiting while the buffer is full. */
    void put(int item) throws InterruptedException;

    /** Takes an item, waiting while the buffer is empty. */
    int take() throws InterruptedException;
}
