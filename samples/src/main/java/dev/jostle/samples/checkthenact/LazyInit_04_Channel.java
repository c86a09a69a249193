/*
 * Check-then-act (lazy initialisation), fixed with a channel.
 *
 * The oven's shelf is a queue that holds exactly one message: either an empty Optional ("no oven yet") or the
 * oven itself. A baker takes whatever is on the shelf (waiting while another baker has it), builds an oven
 * if what it took was the note, puts the oven on the shelf, and returns it. Between taking and putting back,
 * that baker alone owns the shelf's contents, so the check ("is there an oven?") and the act ("build one")
 * can no longer be split by another baker: the second baker takes the shelf only after the oven is on it.
 * Like a lock, the shelf admits one baker at a time; unlike a lock, what it guards travels with it, so no
 * field of the supply is ever written after construction.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LazyInit
 */
package dev.jostle.samples.checkthenact;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** The shelf is a queue of one: the note "no oven yet", or the oven. */
public final class LazyInit_04_Channel implements OvenSupply {

    private final BlockingQueue<Optional<Oven>> shelf = new ArrayBlockingQueue<>(1);

    public LazyInit_04_Channel() {
        shelf.add(Optional.empty());
    }

    @Override
    public Oven oven() {
        Optional<Oven> taken;
        try {
            taken = shelf.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the oven's shelf");
        }
        Oven oven = taken.orElseGet(() -> new Oven(1));
        shelf.add(Optional.of(oven));
        return oven;
    }
}
