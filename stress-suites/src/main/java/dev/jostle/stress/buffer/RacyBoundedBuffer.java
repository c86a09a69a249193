package dev.jostle.stress.buffer;

/**
 * Broken: "if (count < capacity) { store; count++ }" is check-then-act on plain fields. Two producers can both
 * pass the check and write the same slot, and a consumer can take a slot whose count is not yet updated; an
 * element is lost or returned twice.
 */
public final class RacyBoundedBuffer implements BoundedBuffer {

    private final int[] items;
    private int head;
    private int tail;
    private int count;

    public RacyBoundedBuffer(int capacity) {
        items = new int[capacity];
    }

    @Override
    public boolean offer(int value) {
        if (count == items.length) {
            return false;
        }
        items[tail] = value;
        tail = (tail + 1) % items.length;
        count++;
        return true;
    }

    @Override
    public Integer poll() {
        if (count == 0) {
            return null;
        }
        int value = items[head];
        head = (head + 1) % items.length;
        count--;
        return value;
    }
}
