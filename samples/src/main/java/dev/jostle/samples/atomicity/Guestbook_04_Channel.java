/*
 * Iterating a shared list while it changes, fixed with a channel.
 *
 * The book belongs to one thread, its keeper, and is a local variable of that thread: no other thread can
 * reach it, let alone walk it while it changes. A guest who signs sends the keeper a Sign message; the
 * steward who counts sends a Count message with a queue for the answer, and the keeper walks the book
 * itself. The keeper handles one message at a time, so a walk can never overlap an add. The inbox is first
 * in, first out: a count sent after a signature was sent sees that signature, so the counts only grow.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Guestbook
 */
package dev.jostle.samples.atomicity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A keeper thread owns the book; guests and the steward send it messages. */
public final class Guestbook_04_Channel implements Guestbook {

    private sealed interface Message permits Sign, Count, PutAway {
    }

    private record Sign(String name) implements Message {
    }

    private record Count(BlockingQueue<Integer> answer) implements Message {
    }

    private record PutAway() implements Message {
    }

    /** How long putting the book away waits for the keeper to finish what is in its inbox. */
    private static final long PUT_AWAY_MILLIS = 1_000;

    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Thread keeper;

    public Guestbook_04_Channel(String host) {
        keeper = new Thread(() -> keep(host), "guestbook-keeper");
        keeper.start();
    }

    private void keep(String host) {
        List<String> names = new ArrayList<>();
        names.add(host);
        try {
            for (Message message = inbox.take(); !(message instanceof PutAway); message = inbox.take()) {
                if (message instanceof Sign sign) {
                    names.add(sign.name());
                } else {
                    ((Count) message).answer().add((int) names.stream().filter(name -> !name.equals(host)).count());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void sign(String name) {
        inbox.add(new Sign(name));
    }

    @Override
    public int guests() {
        BlockingQueue<Integer> answer = new ArrayBlockingQueue<>(1);
        inbox.add(new Count(answer));
        try {
            return answer.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the guestbook's keeper");
        }
    }

    @Override
    public void close() {
        inbox.add(new PutAway());
        try {
            keeper.join(PUT_AWAY_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
