package dev.jostle.agent.noise;

import java.util.Locale;

/**
 * One short perturbation, chosen by the thread's own generator: a yield, a spin or a park, with the
 * duration spread log-uniformly from a microsecond up to the drawn maximum. Mixing the three matters:
 * a yield reorders threads sharing a core, a spin keeps the core while another thread runs elsewhere,
 * a park lets every other thread run for a while.
 */
final class Jitter {

    static final long MIN_NANOS = 1_000;

    private final double yieldWeight;
    private final double spinWeight;
    private final long maxSpinNanos;
    private final long maxParkNanos;
    private final Budget budget;
    private final Delays delays;

    Jitter(double yieldWeight, double spinWeight, long maxSpinNanos, long maxParkNanos, Budget budget,
            Delays delays) {
        this.yieldWeight = yieldWeight;
        this.spinWeight = spinWeight;
        this.maxSpinNanos = maxSpinNanos;
        this.maxParkNanos = maxParkNanos;
        this.budget = budget;
        this.delays = delays;
    }

    /**
     * Draws the mix from {@code draws} (draw numbers from {@code first} on): the share of yields and of
     * spins (the rest parks), spins up to 5 to 100 us, parks up to 200 us to 5 ms.
     */
    static Jitter drawn(Draws draws, int first, Budget budget, Delays delays) {
        double yieldWeight = 0.1 + 0.4 * draws.unit(first);
        double spinWeight = (1 - yieldWeight) * (0.2 + 0.5 * draws.unit(first + 1));
        long maxSpin = draws.logUniform(first + 2, 5_000L, 100_000L);
        long maxPark = draws.logUniform(first + 3, 200_000L, 5_000_000L);
        return new Jitter(yieldWeight, spinWeight, maxSpin, maxPark, budget, delays);
    }

    /** Perturbs the calling thread once and records it at {@code site}; nothing once the budget is spent. */
    void perturb(NoiseThread thread, int site) {
        double kind = thread.nextDouble();
        double length = thread.nextDouble();
        if (kind < yieldWeight) {
            if (budget.available(1) > 0) {
                thread.noteNoise(site);
                long start = delays.nanoTime();
                delays.yieldNow(thread);
                budget.spend(delays.nanoTime() - start);
            }
            return;
        }
        boolean spin = kind < yieldWeight + spinWeight;
        long granted = budget.available(Draws.logUniform(length, MIN_NANOS, spin ? maxSpinNanos : maxParkNanos));
        if (granted <= 0) {
            return;
        }
        thread.noteNoise(site);
        long start = delays.nanoTime();
        if (spin) {
            delays.spin(thread, granted);
        } else {
            delays.park(thread, granted);
        }
        budget.spend(delays.nanoTime() - start);
    }

    String describe() {
        return String.format(Locale.ROOT, "yield=%.2f, spin=%.2f up to %s, park=%.2f up to %s, cap=%s",
                yieldWeight, spinWeight, Draws.describeNanos(maxSpinNanos), 1 - yieldWeight - spinWeight,
                Draws.describeNanos(maxParkNanos), budget.describeTotal());
    }
}
