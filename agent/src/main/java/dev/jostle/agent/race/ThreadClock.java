package dev.jostle.agent.race;

/**
 * One thread's state in a {@link RaceDetector}: its number, its vector clock and the caches of its hot
 * path. Touched only by that thread while it runs. A caller that keeps its own per-thread state holds on to
 * it (see {@link RaceDetector#threadClock()}), saving a thread-local lookup per event.
 */
public final class ThreadClock {

    static final int CACHE = 256;

    final int tid;
    final String name;
    final VectorClock clock;
    final boolean conservative;
    /**
     * The shadows this thread touched last, direct-mapped by (object, slot): most accesses hit, and
     * skip the shared map and its key allocation. A hit is checked through the shadow's weak reference to
     * its object, so the cache never keeps an object alive that the program dropped.
     */
    final int[] cachedSlots = new int[CACHE];
    final Shadow[] cachedShadows = new Shadow[CACHE];
    /** The shadow of the monitor this thread entered or left last. */
    Shadow lastMonitorShadow;
    /** The element shadows of the array this thread touched last: loops over one array hit this. */
    ElementShadows lastElements;
    /** Field number per site, -1 until looked up. */
    int[] fieldBySite = new int[0];
    /** Site pairs this thread knows are reported, so that a race hit again costs no shared lookup. */
    final KnownPairs reported = new KnownPairs();

    ThreadClock(int tid, String name, VectorClock clock, boolean conservative) {
        this.tid = tid;
        this.name = name;
        this.clock = clock;
        this.conservative = conservative;
        this.epoch = Epochs.of(tid, clock.get(tid));
    }

    /** This thread's current epoch; only tick() changes this thread's own component. */
    private long epoch;

    long epoch() {
        return epoch;
    }

    void tick() {
        clock.increment(tid);
        epoch = Epochs.of(tid, clock.get(tid));
    }
}
