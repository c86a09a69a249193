package dev.jostle.samples.publication;

import dev.jostle.samples.Crew;

/** The checked scenario: a cashier places "3 x cake" while the kitchen waits for it. */
public final class HalfBuiltScenario {

    private HalfBuiltScenario() {
    }

    public static void run(OrderDesk desk) {
        String[] cooked = new String[1];
        Crew.run("desk", () -> {
            try {
                cooked[0] = desk.pickUp();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, () -> desk.place("cake", 3));
        if (!"3 x cake".equals(cooked[0])) {
            throw new AssertionError("the kitchen picked up \"" + cooked[0] + "\" instead of \"3 x cake\"");
        }
    }
}
