/*
 * Iterating a shared list while it changes, fixed with a lock.
 *
 * sign() and guests() are synchronized on the book: a signature waits until the steward has finished the
 * walk, and the walk waits until a signature is complete. The whole walk is one step as far as a signing
 * guest can tell.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Guestbook
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.List;

/** Walks and adds under the book's lock. */
public final class Guestbook_02_Locked implements Guestbook {

    private final String host;
    private final List<String> names = new ArrayList<>();

    public Guestbook_02_Locked(String host) {
        this.host = host;
        names.add(host);
    }

    @Override
    public synchronized void sign(String name) {
        names.add(name);
    }

    @Override
    public synchronized int guests() {
        int guests = 0;
        for (String name : names) {
            if (!name.equals(host)) {
                guests++;
            }
        }
        return guests;
    }
}
