package dev.jostle.agent.noise;

import java.util.BitSet;
import java.util.Locale;

/**
 * Random-style noise at a high share (30% to 80%), but only at the focus sites: the accesses an
 * observation round saw two threads make to one field or array type, one of them writing. Everywhere
 * else it is silent, so the delays land where interleavings matter instead of being spread thin.
 */
final class TargetedNoise implements NoisePlan {

    static final long CAP_NANOS = 100_000_000L;

    /** Never written after construction, so concurrent {@link BitSet#get} is safe. */
    private final BitSet focus;
    private final double share;
    private final Jitter jitter;

    TargetedNoise(BitSet focus, double share, Jitter jitter) {
        this.focus = (BitSet) focus.clone();
        this.share = share;
        this.jitter = jitter;
    }

    static NoisePlan drawn(long seed, BitSet focus, Delays delays) {
        Draws draws = new Draws(seed, 0x54415247L);
        double share = 0.3 + 0.5 * draws.unit(0);
        return new TargetedNoise(focus, share, Jitter.drawn(draws, 1, new Budget(CAP_NANOS), delays));
    }

    @Override
    public void atPoint(NoiseThread thread, int event, int site) {
        if (site > 0 && focus.get(site) && thread.nextDouble() < share) {
            jitter.perturb(thread, site);
        }
    }

    @Override
    public String describe() {
        if (focus.isEmpty()) {
            return "targeted(no focus: no contended sites were observed, so it stays silent)";
        }
        return String.format(Locale.ROOT, "targeted(sites=%d, share=%.2f, %s)", focus.cardinality(), share,
                jitter.describe());
    }
}
