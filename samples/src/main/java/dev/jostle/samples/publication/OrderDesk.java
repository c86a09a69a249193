package dev.jostle.samples.publication;

/** The cashier places an order; the kitchen picks it up; the half-built-object contract. */
public interface OrderDesk {

    /** Called by the cashier, once. */
    void place(String item, int quantity);

    /** Called by the kitchen: waits for the order and describes it as {@code "3 x cake"}. */
    String pickUp() throws InterruptedException;
}
