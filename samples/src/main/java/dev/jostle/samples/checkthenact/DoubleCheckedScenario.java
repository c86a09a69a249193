package dev.jostle.samples.checkthenact;

import dev.jostle.samples.Crew;

/** The checked scenario: two tills ask for a price at once, while the list is being loaded. */
public final class DoubleCheckedScenario {

    /** What the loaded list says. */
    static final int TEA = 120;

    private DoubleCheckedScenario() {
    }

    public static void run(PriceList prices) {
        int[] seen = new int[2];
        Crew.run("till", () -> seen[0] = prices.price("tea"), () -> seen[1] = prices.price("tea"));
        for (int price : seen) {
            if (price != TEA) {
                throw new AssertionError("a till charged " + price + " for tea; the list says " + TEA);
            }
        }
    }
}
