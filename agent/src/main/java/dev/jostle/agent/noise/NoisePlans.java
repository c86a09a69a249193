package dev.jostle.agent.noise;

import dev.jostle.agent.runtime.Strategy;
import java.util.BitSet;

/** Makes the plan for one round from its strategy and seed. */
public final class NoisePlans {

    private NoisePlans() {
    }

    /**
     * @param strategy a concrete strategy (not {@link Strategy#MIXED}: the session resolves that first)
     * @param seed     the round seed
     * @param focus    for {@link Strategy#TARGETED}: the sites to perturb; ignored by the others
     */
    public static NoisePlan create(Strategy strategy, long seed, BitSet focus) {
        switch (strategy) {
            case NONE:
                return NoisePlan.SILENT;
            case RANDOM:
                return RandomNoise.drawn(seed);
            default:
                // Interim: strategies not written yet fall back to random noise, said in the description.
                return RandomNoise.drawn(seed);
        }
    }
}
