/*
 * Check-then-act (lazy initialisation), fixed by publishing an immutable value once.
 *
 * The oven is an immutable object (final fields only). A baker who finds none builds a candidate and offers
 * it with compareAndSet(null, candidate): exactly one offer wins, and every baker, winner or loser, returns
 * whatever the reference holds afterwards. The check and the act of LazyInit_01_Broken become one atomic
 * step, and the oven, being immutable, is safe to hand to any thread.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LazyInit
 */
package dev.jostle.samples.checkthenact;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Publishes the first immutable oven offered; later candidates are dropped. */
public final class LazyInit_03_Messages implements OvenSupply {

    private final AtomicReference<Oven> oven = new AtomicReference<>();
    private final AtomicInteger built = new AtomicInteger();

    @Override
    public Oven oven() {
        Oven existing = oven.get();
        if (existing != null) {
            return existing;
        }
        oven.compareAndSet(null, new Oven(built.incrementAndGet()));
        return oven.get();
    }
}
