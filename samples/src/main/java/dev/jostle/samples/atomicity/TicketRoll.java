package dev.jostle.samples.atomicity;

/** A roll of numbered tickets that clerks sell from; the two-calls atomicity contract. */
public interface TicketRoll {

    /** The next ticket, or -1 when the roll is empty. Called by several clerks at once. */
    int take();
}
