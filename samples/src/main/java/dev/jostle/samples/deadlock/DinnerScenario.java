package dev.jostle.samples.deadlock;

import dev.jostle.samples.Crew;

/** The checked scenario: five philosophers each eat {@link #MEALS} meals. */
public final class DinnerScenario {

    static final int MEALS = 3;

    private DinnerScenario() {
    }

    public static void run(Table table) {
        Runnable[] philosophers = new Runnable[Table.SEATS];
        for (int seat = 0; seat < Table.SEATS; seat++) {
            int mine = seat;
            philosophers[seat] = () -> {
                for (int meal = 0; meal < MEALS; meal++) {
                    table.eat(mine);
                }
            };
        }
        Crew.run("philosopher", philosophers);
        if (table.meals() != Table.SEATS * MEALS) {
            throw new AssertionError("the table served " + table.meals() + " meals, not " + Table.SEATS * MEALS);
        }
    }
}
