package dev.jostle.samples.checkthenact;

/** A customer's tab; two tabs for one customer mean one of them is never paid. */
public final class Tab {

    private final String customer;

    public Tab(String customer) {
        this.customer = customer;
    }

    public String customer() {
        return customer;
    }
}
