package dev.jostle.samples.checkthenact;

import dev.jostle.samples.Crew;

/** The checked scenario: two waiters open a tab for the same customer at once; there must be one tab. */
public final class PutIfAbsentScenario {

    private PutIfAbsentScenario() {
    }

    public static void run(Tabs tabs) {
        try (tabs) {
            Tab[] got = new Tab[2];
            Crew.run("waiter", () -> got[0] = tabs.tabFor("ada"), () -> got[1] = tabs.tabFor("ada"));
            int opened = tabs.opened();
            if (got[0] != got[1] || opened != 1) {
                throw new AssertionError("ada has " + opened + " tabs and the waiters hold "
                        + (got[0] == got[1] ? "the same one" : "different ones") + "; one will never be paid");
            }
        }
    }
}
