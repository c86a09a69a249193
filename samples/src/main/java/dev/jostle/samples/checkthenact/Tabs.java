package dev.jostle.samples.checkthenact;

/** Opens a customer's tab, or returns the one already open; the put-if-absent contract. */
public interface Tabs extends AutoCloseable {

    /** The customer's one tab, opened on first use. */
    Tab tabFor(String customer);

    /** Every tab ever opened (a tab replaced in the map still counts). */
    int opened();

    /** Lets go of a keeper thread, if the variant runs one. */
    @Override
    default void close() {
    }
}
