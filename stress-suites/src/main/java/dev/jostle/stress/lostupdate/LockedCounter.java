package dev.jostle.stress.lostupdate;

/** Fixed: one lock guards both the increment and the read, so increments run one after the other. */
public final class LockedCounter implements Counter {

    private int value;

    @Override
    public synchronized void increment() {
        value++;
    }

    @Override
    public synchronized int get() {
        return value;
    }
}
