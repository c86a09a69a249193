package dev.jostle.agent.race;

/**
 * A small set of site pairs (longs) for one thread: open addressing, no boxing, no lock. It only grows
 * with the races reported, which the detector caps, so it stays a few hundred bytes.
 */
final class KnownPairs {

    /** Marks a used slot, so that the pair 0 is storable; site ids are non-negative, so bit 63 is free. */
    private static final long USED = Long.MIN_VALUE;

    private long[] slots = new long[16];
    private int size;

    /** Adds the pair; false when it was already there. */
    boolean add(long pair) {
        long marked = pair | USED;
        int mask = slots.length - 1;
        for (int i = mix(pair) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == marked) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = marked;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long marked : old) {
            if (marked != 0) {
                int i = mix(marked & ~USED) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = marked;
            }
        }
    }

    private static int mix(long pair) {
        long h = pair * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }
}
