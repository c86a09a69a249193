package dev.jostle.agent.noise;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The total delay one round may inject, shared by its threads: noise must slow a round, not make it
 * last. Delays are charged what they really took, measured on the clock: a yield on a busy machine can
 * give up a whole time slice, and a short park lasts at least the OS timer's slack. Lock-free, so a thread
 * asking for delay never waits for another; threads racing for the last of it may overshoot the total by
 * one delay each.
 */
final class Budget {

    private final long total;
    private final AtomicLong remaining;

    Budget(long totalNanos) {
        this.total = totalNanos;
        this.remaining = new AtomicLong(totalNanos);
    }

    /** How much of {@code wanted} may be spent now: {@code wanted}, what is left if less, or 0 when spent. */
    long available(long wanted) {
        long left = remaining.get();
        return left <= 0 ? 0 : Math.min(left, wanted);
    }

    /** Charges what a delay really took. */
    void spend(long nanos) {
        if (nanos > 0) {
            remaining.addAndGet(-nanos);
        }
    }

    /** For descriptions: {@code 100ms}. */
    String describeTotal() {
        return Draws.describeNanos(total);
    }
}
