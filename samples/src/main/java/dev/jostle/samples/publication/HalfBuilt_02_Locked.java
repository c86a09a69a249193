/*
 * Unsafe publication (half-built object), fixed with a lock.
 *
 * The cashier creates, fills and publishes the order while holding the desk's lock; the kitchen looks only
 * while holding it too. The kitchen therefore sees either no order, or the order after the cashier let go
 * of the lock, that is, finished (and, by the lock's happens-before, with every field visible).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only HalfBuilt
 */
package dev.jostle.samples.publication;

/** Builds and publishes under the desk's lock; the kitchen waits on it. */
public final class HalfBuilt_02_Locked implements OrderDesk {

    static final class Order {
        String item;
        int quantity;
    }

    private Order current;

    @Override
    public synchronized void place(String item, int quantity) {
        current = new Order();
        current.item = item;
        current.quantity = quantity;
        notifyAll();
    }

    @Override
    public synchronized String pickUp() throws InterruptedException {
        while (current == null) {
            wait();
        }
        return current.quantity + " x " + current.item;
    }
}
