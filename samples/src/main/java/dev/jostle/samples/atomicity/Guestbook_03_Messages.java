/*
 * Iterating a shared list while it changes, fixed with immutable snapshots.
 *
 * The book is an immutable list. Signing builds a new, longer immutable list and publishes it through a
 * volatile field; there is only one signing thread here (with several, compareAndSet on an
 * AtomicReference would make the swap safe). The steward reads the field once and walks that snapshot,
 * which nobody can change: it counts the book as it was when the walk began.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Guestbook
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.List;

/** Immutable snapshots, replaced whole on every signature. */
public final class Guestbook_03_Messages implements Guestbook {

    private final String host;
    private volatile List<String> names;

    public Guestbook_03_Messages(String host) {
        this.host = host;
        this.names = List.of(host);
    }

    @Override
    public void sign(String name) {
        List<String> longer = new ArrayList<>(names);
        longer.add(name);
        names = List.copyOf(longer);
    }

    @Override
    public int guests() {
        int guests = 0;
        for (String name : names) {
            if (!name.equals(host)) {
                guests++;
            }
        }
        return guests;
    }
}
