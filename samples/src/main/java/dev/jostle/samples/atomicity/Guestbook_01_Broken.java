/*
 * Iterating a shared list while it changes.
 *
 * The steward walks the book (an ArrayList) with a for-each loop while a guest signs. ArrayList's
 * iterator notices that the list changed under it and throws ConcurrentModificationException; and it
 * notices only on a best-effort basis, so it may as well read a half-added element or skip one.
 *
 *   steward: for (name : names) ...   iterator at index 2
 *   guest:   names.add("guest 3")      modCount changes
 *   steward: next()                    -> ConcurrentModificationException
 *
 * Why it usually passes anyway. Counting eight names takes a microsecond or so; the guest's thread rarely
 * adds a name during that microsecond.
 *
 * How Jostle catches it. Noise at the read of `host` inside the loop holds the steward mid-walk; the guest
 * signs, and the iterator's next step fails.
 *
 * The fixes:
 *   Guestbook_02_Locked   - signing and counting take the book's lock: the walk never overlaps an add.
 *   Guestbook_03_Messages - the book is an immutable list, replaced by a longer copy on every signature and
 *                           published through a volatile field; the steward walks the snapshot it read,
 *                           which never changes (copy-on-write: what CopyOnWriteArrayList does inside).
 *   Guestbook_04_Channel  - a keeper thread owns the book; signing and counting are messages to it, and it
 *                           handles one at a time, so only the keeper ever walks the book, never mid-add.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Guestbook
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.List;

/** Walks a plain ArrayList that another thread adds to: broken. */
public final class Guestbook_01_Broken implements Guestbook {

    private final String host;
    private final List<String> names = new ArrayList<>();

    public Guestbook_01_Broken(String host) {
        this.host = host;
        names.add(host);
    }

    @Override
    public void sign(String name) {
        names.add(name);
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
