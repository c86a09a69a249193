package dev.jostle.agent.noise;

import dev.jostle.agent.runtime.Strategy;
import java.util.BitSet;

/** Makes the plan for one round from its strategy and seed. */
public final class NoisePlans {

    private NoisePlans() {
    }

    /**
     * @param strategy a concrete strategy (not {@link Strategy#MIXED}: the session resolves that first)
     * @param seed     the round seed: the plan's parameters and every decision derive from it
     * @param focus    for {@link Strategy#TARGETED}: the sites to perturb; ignored by the others
     */
    public static NoisePlan create(Strategy strategy, long seed, BitSet focus) {
        return create(strategy, seed, focus, Delays.SYSTEM);
    }

    /** As {@link #create(Strategy, long, BitSet)}, with the given delays (tests record instead of waiting). */
    public static NoisePlan create(Strategy strategy, long seed, BitSet focus, Delays delays) {
        switch (strategy) {
            case NONE:
                return NoisePlan.SILENT;
            case RANDOM:
                return RandomNoise.drawn(seed, delays);
            case PCT:
                return PctNoise.drawn(seed, delays);
            case HALT_ONE:
                return HaltOneNoise.drawn(seed, delays);
            case TARGETED:
                return TargetedNoise.drawn(seed, focus == null ? new BitSet() : focus, delays);
            default:
                throw new IllegalArgumentException("strategy '" + strategy
                        + "' is not concrete; the session resolves it to one of the others first");
        }
    }
}
