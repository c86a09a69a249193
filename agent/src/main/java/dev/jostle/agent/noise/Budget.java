package dev.jostle.agent.noise;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The total delay one round may inject, shared by its threads: noise must slow a round, not make it
 * last. Lock-free, so a thread asking for delay never waits for another.
 */
final class Budget {

    private final long total;
    private final AtomicLong remaining;

    Budget(long totalNanos) {
        this.total = totalNanos;
        this.remaining = new AtomicLong(totalNanos);
    }

    /** Takes up to {@code nanos} from the budget; returns what was granted (0 once it is spent). */
    long take(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        while (true) {
            long left = remaining.get();
            if (left <= 0) {
                return 0;
            }
            long granted = Math.min(left, nanos);
            if (remaining.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    long spent() {
        return total - remaining.get();
    }

    long total() {
        return total;
    }

    /** For descriptions: {@code 200ms}. */
    String describeTotal() {
        return Draws.describeNanos(total);
    }
}
