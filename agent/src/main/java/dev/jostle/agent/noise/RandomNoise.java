package dev.jostle.agent.noise;

import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.ThreadState;

/** At a share of scheduling points, one of yield, a short spin, or a park. */
final class RandomNoise implements NoisePlan {

    private final double share;
    private final long maxParkNanos;

    RandomNoise(double share, long maxParkNanos) {
        this.share = share;
        this.maxParkNanos = maxParkNanos;
    }

    /** Draws the share (1% to 20% of points) and the longest park (50 µs to 2 ms) from the seed. */
    static RandomNoise drawn(long seed) {
        long bits = Seeds.mix(seed ^ 0x52414E44L);
        double share = 0.01 + ((bits & 0xFFFF) / 65536.0) * 0.19;
        long maxPark = 50_000L + ((bits >>> 16) & 0xFFFF) * (1_950_000L / 65536);
        return new RandomNoise(share, maxPark);
    }

    @Override
    public void atPoint(ThreadState thread, int event, int site) {
        if (thread.nextDouble() >= share) {
            return;
        }
        thread.noteNoise(site);
        switch (thread.nextInt(3)) {
            case 0:
                Delays.yieldNow();
                break;
            case 1:
                Delays.spin(1_000L + thread.nextInt(20_000));
                break;
            default:
                // Log-uniform: most parks short, some long.
                double exponent = thread.nextDouble();
                Delays.park((long) (1_000L * Math.pow(maxParkNanos / 1_000.0, exponent)));
                break;
        }
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "random(share=%.3f, maxPark=%dus)", share, maxParkNanos / 1000);
    }
}
