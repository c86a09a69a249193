package dev.jostle.stress.cache;

import java.util.concurrent.atomic.AtomicInteger;

/** A loader whose every call returns a new value, so a second load of one key is visible to callers. */
public final class Loader {

    private final AtomicInteger loads = new AtomicInteger();

    public int load(int key) {
        return key * 1000 + loads.incrementAndGet();
    }
}
