package dev.jostle.samples.checkthenact;

/** The bakery's prices, loaded on first use; the double-checked-locking contract. */
public interface PriceList {

    /** The price of an item, in pence; every item on the list has one. */
    int price(String item);
}
