package dev.jostle.stress.lostupdate;

import java.util.concurrent.atomic.AtomicInteger;

/** Fixed: the read-add-write is one atomic instruction, so no increment can fall between. */
public final class AtomicCounter implements Counter {

    private final AtomicInteger value = new AtomicInteger();

    @Override
    public void increment() {
        value.incrementAndGet();
    }

    @Override
    public int get() {
        return value.get();
    }
}
