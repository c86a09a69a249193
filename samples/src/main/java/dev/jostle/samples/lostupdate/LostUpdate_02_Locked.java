/*
 * Lost update, fixed with a lock.
 *
 * The broken box (LostUpdate_01_Broken) loses a cake when two bakers both read the same count before
 * either writes it back. Here put() is synchronized: the read, the add and the write happen while holding
 * the box's monitor, so a second baker waits at the door until the first has written. The window between
 * read and write still exists, but nobody else can step into it; noise there only makes the other baker
 * wait longer. (java.util.concurrent.atomic.AtomicInteger.incrementAndGet closes it the same way, in one
 * atomic instruction.)
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LostUpdate
 */
package dev.jostle.samples.lostupdate;

/** A cake counter whose increment happens under the box's lock. */
public final class LostUpdate_02_Locked implements CakeBox {

    private int cakes;

    @Override
    public synchronized void put() {
        cakes++;
    }

    @Override
    public synchronized int count() {
        return cakes;
    }
}
