package dev.jostle.agent.race;

/**
 * FastTrack's epochs, packed into a long: {@code clock@tid}, the clock in the high bits and the thread
 * number in the low 16. The empty epoch (0) happens before everything.
 */
final class Epochs {

    static final long NONE = 0;
    private static final int TID_BITS = 16;
    static final int MAX_THREADS = 1 << TID_BITS;

    private Epochs() {
    }

    static long of(int tid, int clock) {
        return ((long) clock << TID_BITS) | tid;
    }

    static int tid(long epoch) {
        return (int) (epoch & (MAX_THREADS - 1));
    }

    static int clock(long epoch) {
        return (int) (epoch >>> TID_BITS);
    }

    /** Whether the epoch happened before (or is part of) the vector clock. */
    static boolean leq(long epoch, VectorClock clock) {
        return clock(epoch) <= clock.get(tid(epoch));
    }
}
