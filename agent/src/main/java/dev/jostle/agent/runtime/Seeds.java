package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.SplitMix;

/** A session's seeds: its base seed, and each round's from it (mixing is {@link SplitMix}'s). */
public final class Seeds {

    private Seeds() {
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
        return SplitMix.mix(System.nanoTime() ^ Thread.currentThread().getId() * 0x9E3779B97F4A7C15L) & Long.MAX_VALUE;
    }
}
