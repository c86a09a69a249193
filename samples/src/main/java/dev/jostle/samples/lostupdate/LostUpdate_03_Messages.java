/*
 * Lost update, fixed with immutable messages.
 *
 * Nothing here is ever changed in place. The box holds a reference to an immutable Tally; a baker makes a
 * new Tally with one more cake and swaps it in with compareAndSet, which succeeds only if the box still
 * holds the tally the baker started from. If another baker got there first (the interleaving that loses a
 * cake in LostUpdate_01_Broken), the swap fails and the baker starts again from the newer tally. A stale
 * value can be read, but it can never be written back.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LostUpdate
 */
package dev.jostle.samples.lostupdate;

import java.util.concurrent.atomic.AtomicReference;

/** A cake box whose state is an immutable tally, replaced whole. */
public final class LostUpdate_03_Messages implements CakeBox {

    /** The box's contents at one moment; never changed, only replaced. */
    record Tally(int cakes) {
        Tally plusOne() {
            return new Tally(cakes + 1);
        }
    }

    private final AtomicReference<Tally> tally = new AtomicReference<>(new Tally(0));

    @Override
    public void put() {
        Tally seen;
        do {
            seen = tally.get();
        } while (!tally.compareAndSet(seen, seen.plusOne()));
    }

    @Override
    public int count() {
        return tally.get().cakes();
    }
}
