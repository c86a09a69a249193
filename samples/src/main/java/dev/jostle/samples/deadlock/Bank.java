package dev.jostle.samples.deadlock;

/** Accounts that money moves between; the lock-ordering contract. */
public interface Bank extends AutoCloseable {

    /** Moves an amount from one account to another, atomically. Called by several clerks at once. */
    void transfer(int from, int to, int amount);

    /** The sum of all balances: transfers never change it. */
    int total();

    /** Lets go of a teller thread, if the variant runs one. */
    @Override
    default void close() {
    }
}
