package dev.jostle.stress.lostupdate;

/**
 * Broken: {@code value++} is a read, an add and a write. Two threads can both read 0 and both write 1, so
 * one increment is lost. It usually passes because the window is a few nanoseconds wide.
 */
public final class PlainCounter implements Counter {

    private int value;

    @Override
    public void increment() {
        value++;
    }

    @Override
    public int get() {
        return value;
    }
}
