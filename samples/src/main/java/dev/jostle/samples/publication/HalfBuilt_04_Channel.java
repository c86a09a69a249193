/*
 * Unsafe publication (half-built object), fixed with a channel.
 *
 * The cashier builds the order (an immutable record) and puts it on a queue; the kitchen takes it off. The
 * queue is the only place the two meet: the order is the cashier's until it is sent and the kitchen's
 * after, and everything the cashier did before put() happens-before the kitchen's take().
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only HalfBuilt
 */
package dev.jostle.samples.publication;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The order travels from cashier to kitchen through a queue. */
public final class HalfBuilt_04_Channel implements OrderDesk {

    record Order(String item, int quantity) {
    }

    private final BlockingQueue<Order> toKitchen = new LinkedBlockingQueue<>();

    @Override
    public void place(String item, int quantity) {
        toKitchen.add(new Order(item, quantity));
    }

    @Override
    public String pickUp() throws InterruptedException {
        Order order = toKitchen.take();
        return order.quantity() + " x " + order.item();
    }
}
