/*
 * Unsafe publication: an object seen half-built.
 *
 * The cashier puts a new, empty Order where the kitchen can see it, then fills it in. The kitchen polls the
 * field and cooks whatever it finds:
 *
 *   cashier: current = new Order()        <- the kitchen can see it from here on
 *   kitchen: current != null: cooks "0 x null"
 *   cashier: current.item = "cake"; current.quantity = 3
 *
 * Why it usually passes anyway. Filling in two fields takes nanoseconds; the kitchen polls with a spin
 * hint and rarely looks in exactly that gap.
 *
 * What this sample does not show. Even an Order filled in its constructor can be seen half-built when it
 * is published through a plain field: the JIT or CPU may make the reference visible before the fields.
 * Noise does not reorder memory, so that form is for a race detector; this sample shows the form noise
 * exposes: a reference published before the object is finished.
 *
 * How Jostle catches it. Noise at the writes of item and quantity holds the cashier after publishing and
 * before finishing; the kitchen picks up the empty order.
 *
 * The fixes:
 *   HalfBuilt_02_Locked   - the cashier builds and publishes under a lock, the kitchen reads under it: the
 *                           kitchen sees no order or a finished one.
 *   HalfBuilt_03_Messages - the order is an immutable record, built whole and then published through a
 *                           volatile field: there is no unfinished state to see.
 *   HalfBuilt_04_Channel  - the order is handed to the kitchen through a queue: it belongs to the cashier
 *                           until it is sent, and to the kitchen afterwards.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only HalfBuilt
 */
package dev.jostle.samples.publication;

import dev.jostle.samples.Crew;

/** Publishes the order first and fills it in afterwards: broken. */
public final class HalfBuilt_01_Broken implements OrderDesk {

    static final class Order {
        String item;
        int quantity;
    }

    private Order current;

    @Override
    public void place(String item, int quantity) {
        current = new Order();
        current.item = item;
        current.quantity = quantity;
    }

    @Override
    public String pickUp() {
        Order order;
        while ((order = current) == null) {
            Crew.checkAbandoned();
            Thread.onSpinWait();
        }
        return order.quantity + " x " + order.item;
    }
}
