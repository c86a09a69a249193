package dev.jostle.agent.noise;

import java.util.Locale;

/**
 * Draws a plan's parameters from its round seed. Each parameter reads its own stream ({@code seed} mixed
 * with a distinct salt), so adding a parameter to one strategy never shifts the others.
 */
final class Draws {

    private final long seed;

    Draws(long seed, long salt) {
        this.seed = SplitMix.mix(seed ^ SplitMix.mix(salt));
    }

    /** The {@code n}-th draw, in [0, 1). */
    double unit(int n) {
        return (SplitMix.mix(seed + n * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }

    /** The {@code n}-th draw, an int in [lo, hi]. */
    int between(int n, int lo, int hi) {
        return lo + (int) (unit(n) * (hi - lo + 1));
    }

    /** The {@code n}-th draw, spread log-uniformly over [lo, hi]: as many small values as large ones. */
    long logUniform(int n, long lo, long hi) {
        return logUniform(unit(n), lo, hi);
    }

    /** Maps {@code u} in [0, 1) log-uniformly onto [lo, hi]. */
    static long logUniform(double u, long lo, long hi) {
        return Math.min(hi, Math.round(lo * Math.pow((double) hi / lo, u)));
    }

    /** {@code 800ns}, {@code 40us}, {@code 2.5ms}. */
    static String describeNanos(long nanos) {
        if (nanos < 1_000) {
            return nanos + "ns";
        }
        if (nanos < 1_000_000) {
            return nanos / 1_000 + "us";
        }
        double millis = nanos / 1e6;
        return millis == Math.rint(millis) ? (long) millis + "ms" : String.format(Locale.ROOT, "%.1fms", millis);
    }
}
