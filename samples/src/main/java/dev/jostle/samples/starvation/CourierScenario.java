package dev.jostle.samples.starvation;

import dev.jostle.samples.Crew;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The checked scenario: a clerk hands in a parcel for packing while a courier comes to collect it; the
 * courier must leave with the parcel.
 */
public final class CourierScenario {

    static final String PARCEL = "a parcel for Ada";

    /**
     * How long the courier waits. Far more than a round's noise can add (about 0.1 s in all) and than the
     * packing takes (microseconds); far less than the round's timeout, so starvation is reported by this
     * check, never by a hang.
     */
    static final long PATIENCE_MILLIS = 500;

    /**
     * The courier's walk to the bench: it turns up this long after the clerk. Ample time for an idle worker to
     * pick up a packing job (microseconds), so without noise the parcel is usually packed when it arrives.
     */
    static final long WALK_NANOS = 1_000_000L;

    private CourierScenario() {
    }

    public static void run(Supplier<Bench> open) {
        String[] delivered = new String[1];
        int checks;
        try (Bench bench = open.get()) {
            Crew.run("bench", () -> bench.pack(PARCEL), () -> {
                LockSupport.parkNanos(WALK_NANOS);
                delivered[0] = bench.collect(PATIENCE_MILLIS);
            });
            checks = bench.checks();
        }
        if (!PARCEL.equals(delivered[0])) {
            throw new AssertionError("the courier looked for the parcel " + checks + " times in " + PATIENCE_MILLIS
                    + " ms and it was never packed: the packing job was starved");
        }
    }
}
