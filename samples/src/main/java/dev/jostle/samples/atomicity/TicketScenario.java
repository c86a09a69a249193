package dev.jostle.samples.atomicity;

import dev.jostle.samples.Crew;
import java.util.BitSet;
import java.util.function.IntFunction;

/** The checked scenario: two clerks sell a roll of {@link #TICKETS} tickets; each must be sold exactly once. */
public final class TicketScenario {

    static final int TICKETS = 6;

    private TicketScenario() {
    }

    public static void run(IntFunction<TicketRoll> rollOf) {
        TicketRoll roll = rollOf.apply(TICKETS);
        BitSet[] sold = {new BitSet(), new BitSet()};
        Crew.run("clerk", () -> sell(roll, sold[0]), () -> sell(roll, sold[1]));
        if (sold[0].intersects(sold[1])) {
            throw new AssertionError("tickets sold twice: " + sold[0] + " and " + sold[1]);
        }
        sold[0].or(sold[1]);
        if (sold[0].cardinality() != TICKETS) {
            throw new AssertionError("sold " + sold[0].cardinality() + " of " + TICKETS + " tickets: " + sold[0]);
        }
    }

    private static void sell(TicketRoll roll, BitSet sold) {
        for (int ticket = roll.take(); ticket >= 0; ticket = roll.take()) {
            sold.set(ticket);
        }
    }
}
