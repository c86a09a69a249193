package dev.jostle.agent.noise;

/**
 * The mixing every seed goes through, from the round seed to a thread's path and a plan's parameters: the
 * same function wherever a seed is derived, so that one seed means the same run.
 */
public final class SplitMix {

    private SplitMix() {
    }

    /** SplitMix64's finaliser: spreads any long over all 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
