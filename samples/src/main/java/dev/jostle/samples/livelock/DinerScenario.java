package dev.jostle.samples.livelock;

import dev.jostle.samples.Crew;

/** The checked scenario: both diners must eat once. A livelock ends the round by its timeout. */
public final class DinerScenario {

    private DinerScenario() {
    }

    public static void run(Spoon spoon) {
        Crew.run("diner", () -> spoon.dine(0), () -> spoon.dine(1));
        if (spoon.meals() != 2) {
            throw new AssertionError("the diners ate " + spoon.meals() + " meals, not 2");
        }
    }
}
