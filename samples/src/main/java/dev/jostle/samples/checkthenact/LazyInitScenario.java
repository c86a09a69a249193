package dev.jostle.samples.checkthenact;

import dev.jostle.samples.Crew;

/** The checked scenario: two bakers ask for the oven at about the same time; both must get the same one. */
public final class LazyInitScenario {

    private LazyInitScenario() {
    }

    public static void run(OvenSupply supply) {
        Oven[] got = new Oven[2];
        Crew.run("baker", () -> got[0] = supply.oven(), () -> got[1] = supply.oven());
        if (got[0] != got[1]) {
            throw new AssertionError("two bakers got two different ovens: #" + got[0].serial() + " and #"
                    + got[1].serial() + "; the bakery built the oven twice");
        }
    }
}
