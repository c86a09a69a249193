package dev.jostle.samples.lostupdate;

import dev.jostle.samples.Crew;

/** The checked scenario: two bakers put {@link #CAKES} cakes each into one box, then the cakes are counted. */
public final class Bakery {

    /** Cakes per baker: few enough that the two bakers rarely overlap without noise. */
    public static final int CAKES = 20;

    private Bakery() {
    }

    public static void bake(CakeBox box) {
        try (box) {
            Runnable baker = () -> {
                for (int i = 0; i < CAKES; i++) {
                    box.put();
                }
            };
            Crew.run("baker", baker, baker);
            int counted = box.count();
            if (counted != 2 * CAKES) {
                throw new AssertionError("two bakers put " + 2 * CAKES + " cakes in the box, but it holds " + counted);
            }
        }
    }
}
