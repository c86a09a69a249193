package dev.jostle.stress.buffer;

/** Fixed: one lock makes every check and the act that depends on it a single step. */
public final class LockedBoundedBuffer implements BoundedBuffer {

    private final int[] items;
    private int head;
    private int tail;
    private int count;

    public LockedBoundedBuffer(int capacity) {
        items = new int[capacity];
    }

    @Override
    public synchronized boolean offer(int value) {
        if (count == items.length) {
            return false;
        }
        items[tail] = value;
        tail = (tail + 1) % items.length;
        count++;
        return true;
    }

    @Override
    public synchronized Integer poll() {
        if (count == 0) {
            return null;
        }
        int value = items[head];
        head = (head + 1) % items.length;
        count--;
        return value;
    }
}
