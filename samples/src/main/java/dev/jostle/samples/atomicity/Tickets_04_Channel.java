/*
 * Atomicity violation (two calls on a synchronized list), fixed with a channel.
 *
 * The roll is a queue of tickets and a clerk takes with one call, poll(), which removes the head or says
 * there is none, atomically. The question "is there one?" and the act "give it to me" are the same call,
 * so there is no gap between them.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Tickets
 */
package dev.jostle.samples.atomicity;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Tickets in a queue, taken with one atomic poll. */
public final class Tickets_04_Channel implements TicketRoll {

    private final BlockingQueue<Integer> tickets = new LinkedBlockingQueue<>();

    public Tickets_04_Channel(int count) {
        for (int i = 0; i < count; i++) {
            tickets.add(i);
        }
    }

    @Override
    public int take() {
        Integer ticket = tickets.poll();
        return ticket == null ? -1 : ticket;
    }
}
