package dev.jostle.agent.noise;

import java.util.Locale;

/**
 * At a drawn share of scheduling points, a short {@link Jitter}. The share is drawn log-uniformly from
 * 0.5% to 25%: a low share leaves long stretches undisturbed (some bugs need one well-placed delay, and
 * noise everywhere can hide them), a high one shakes every access.
 */
final class RandomNoise implements NoisePlan {

    /** Total delay per round: a round may be slowed by this much, no more. */
    static final long CAP_NANOS = 100_000_000L;

    private final double share;
    private final Jitter jitter;

    RandomNoise(double share, Jitter jitter) {
        this.share = share;
        this.jitter = jitter;
    }

    static RandomNoise drawn(long seed, Delays delays) {
        Draws draws = new Draws(seed, 0x52414E44L);
        double share = Draws.logUniform(draws.unit(0), 5, 250) / 1000.0;
        return new RandomNoise(share, Jitter.drawn(draws, 1, new Budget(CAP_NANOS), delays));
    }

    @Override
    public void atPoint(NoiseThread thread, int event, int site) {
        if (thread.nextDouble() < share) {
            jitter.perturb(thread, site);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "random(share=%.3f, %s)", share, jitter.describe());
    }
}
