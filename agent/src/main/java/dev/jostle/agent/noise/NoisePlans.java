package dev.jostle.agent.noise;

import java.util.BitSet;

/**
 * Makes the plan for one round, one method per kind of noise. Each plan derives its parameters and every
 * decision from the round seed; {@code delays} is how it waits ({@link Delays#SYSTEM}, or a test's record).
 * Which kind a round runs under is the round's choice ({@code runtime.Strategy}).
 */
public final class NoisePlans {

    private NoisePlans() {
    }

    /** At a share of scheduling points, a yield, a short spin or a park. */
    public static NoisePlan random(long seed, Delays delays) {
        return RandomNoise.drawn(seed, delays);
    }

    /** Random thread priorities with a few priority-change points (PCT), approximated on real threads. */
    public static NoisePlan pct(long seed, Delays delays) {
        return PctNoise.drawn(seed, delays);
    }

    /** One thread stalled for long stretches. */
    public static NoisePlan haltOne(long seed, Delays delays) {
        return HaltOneNoise.drawn(seed, delays);
    }

    /** Noise only at the sites in {@code focus} (none: silent). */
    public static NoisePlan targeted(long seed, BitSet focus, Delays delays) {
        return TargetedNoise.drawn(seed, focus == null ? new BitSet() : focus, delays);
    }

    /** No noise, under a name: a controlled round's scheduler, not noise, decides its interleaving. */
    public static NoisePlan silent(String description) {
        return new NoisePlan() {
            @Override
            public void atPoint(NoiseThread thread, int event, int site) {
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
