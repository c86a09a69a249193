package dev.jostle.samples.atomicity;

/** A guestbook the host signs first; guests sign while someone counts; the iteration contract. */
public interface Guestbook extends AutoCloseable {

    /** Adds a signature; called by one thread while others count. */
    void sign(String name);

    /** How many signatures are not the host's; walks the whole book. */
    int guests();

    /** Puts the book away; only a book with a keeper thread has anything to stop. */
    @Override
    default void close() {
    }
}
