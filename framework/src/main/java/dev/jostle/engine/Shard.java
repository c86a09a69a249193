package dev.jostle.engine;

/**
 * One of {@code count} disjoint parts of the seed space, so that several machines (the jobs of a CI matrix)
 * search different seeds from one base seed. Shard {@code K} of {@code N} starts its rounds {@code (K - 1)}
 * times {@link #STRIDE} seeds after the base seed; its round {@code i} then runs under that seed plus
 * {@code i}, as any campaign's rounds do. Shard 1 runs the seeds the hunt would run without sharding, and a
 * round's seed alone replays it: a replay needs no shard.
 *
 * @param index which part, from 1 ({@code K})
 * @param count how many parts ({@code N})
 */
public record Shard(int index, int count) {

    /** Far more than any CI runs at once (GitHub Actions allows 256 jobs per matrix). */
    public static final int MAX_COUNT = 1024;

    /**
     * Seeds between the starts of two shards: 10<sup>15</sup>. A shard would need that many rounds to reach the
     * next one's seeds (three centuries at 100,000 rounds a second), and a round number is at most
     * 2<sup>31</sup> anyway. A power of ten rather than an N-th of the 64-bit space, so that a seed shows its
     * shard: shard 3's seeds from base seed 42 start at 2000000000000042. All {@link #MAX_COUNT} shards fit
     * in 2<sup>60</sup> seeds, so the last never wraps around onto the first.
     */
    public static final long STRIDE = 1_000_000_000_000_000L;

    /** The whole seed space: no sharding. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("N must be between 1 and " + MAX_COUNT + ", not " + count);
        }
        if (index < 1 || index > count) {
            throw new IllegalArgumentException("K must be between 1 and N (" + count + "), not " + index);
        }
    }

    /**
     * Reads {@code K/N}, such as {@code 2/4}. The message of the exception says what is wrong with the value,
     * for the caller to prefix with the setting's name.
     */
    public static Shard parse(String value) {
        String text = value == null ? "" : value.trim();
        int slash = text.indexOf('/');
        int index;
        int count;
        try {
            if (slash < 0) {
                throw new NumberFormatException();
            }
            index = Integer.parseInt(text.substring(0, slash).trim());
            count = Integer.parseInt(text.substring(slash + 1).trim());
        } catch (NumberFormatException notKOfN) {
            throw new IllegalArgumentException("expected K/N (shard K of N, counted from 1), such as 2/4");
        }
        return new Shard(index, count);
    }

    public boolean isWhole() {
        return count == 1;
    }

    /** The seed of this shard's round 0, for a campaign whose rounds would start at {@code baseSeed} unsharded. */
    public long firstSeed(long baseSeed) {
        return baseSeed + (index - 1) * STRIDE;
    }

    /** {@code 2/4}, as {@link #parse} reads it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
