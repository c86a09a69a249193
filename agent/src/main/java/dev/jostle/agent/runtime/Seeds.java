package dev.jostle.agent.runtime;

/** Seed arithmetic shared by rounds, threads and strategies. */
public final class Seeds {

    private Seeds() {
    }

    /** SplitMix64's finaliser: spreads any long over all 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The seed of round {@code index} of a session: simply {@code base + index}, so that a failing round
     * is replayed by starting a session at that round's seed (its round 0 then makes the same choices).
     */
    public static long roundSeed(long base, int index) {
        return base + index;
    }

    /** A fresh base seed for a session that was given none. */
    public static long random() {
        return mix(System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE;
    }
}
