/*
 * Unsafe publication (half-built object), fixed with an immutable message.
 *
 * The order is a record: its fields are final and set in the constructor, so it is complete before anyone
 * can hold a reference to it, and it can never change. It is published through a volatile field, which
 * makes the record's contents visible to the kitchen along with the reference. There is no moment at
 * which the kitchen can see an order without its item.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only HalfBuilt
 */
package dev.jostle.samples.publication;

import dev.jostle.samples.Crew;

/** An immutable order, published whole through a volatile field. */
public final class HalfBuilt_03_Messages implements OrderDesk {

    record Order(String item, int quantity) {
    }

    private volatile Order current;

    @Override
    public void place(String item, int quantity) {
        current = new Order(item, quantity);
    }

    @Override
    public String pickUp() {
        Order order;
        while ((order = current) == null) {
            Crew.checkAbandoned();
            Thread.onSpinWait();
        }
        return order.quantity() + " x " + order.item();
    }
}
