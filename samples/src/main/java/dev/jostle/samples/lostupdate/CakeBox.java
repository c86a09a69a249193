package dev.jostle.samples.lostupdate;

/** A box two bakers put cakes into; the contract every lost-update sample implements. */
public interface CakeBox extends AutoCloseable {

    /** Puts one cake into the box. Called by several bakers at once. */
    void put();

    /** How many cakes are in the box, once every baker is done. */
    int count();

    /** Lets go of whatever the box runs (a channel variant's owner thread). */
    @Override
    default void close() {
    }
}
