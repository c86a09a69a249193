package dev.jostle.agent.race;

/**
 * The earlier access a race rule found, packed into a long so that the rule can return it without an
 * allocation: the thread number in bits 0 to 15, whether it wrote in bit 16, the site in bits 32 to 63.
 */
final class Conflicts {

    static final long NONE = -1;

    private Conflicts() {
    }

    static long of(int tid, int site, boolean write) {
        return ((long) site << 32) | (write ? 1L << 16 : 0) | (tid & 0xFFFF);
    }

    static int tid(long conflict) {
        return (int) (conflict & 0xFFFF);
    }

    static boolean write(long conflict) {
        return (conflict & (1L << 16)) != 0;
    }

    static int site(long conflict) {
        return (int) (conflict >>> 32);
    }
}
