package dev.jostle.samples.visibility;

import dev.jostle.samples.Crew;

/**
 * The checked scenario: three searchers scan their thirds of a shelf for the one gold ring; the
 * coordinator waits for the lookout's news and goes to the position it was told.
 */
public final class SearchScenario {

    static final int SHELF = 600;
    static final int RING = 437;

    private SearchScenario() {
    }

    public static void run(Lookout lookout) {
        int[] toldPosition = new int[1];
        Runnable[] crew = new Runnable[4];
        for (int s = 0; s < 3; s++) {
            int from = s * SHELF / 3;
            int to = (s + 1) * SHELF / 3;
            crew[s] = () -> {
                for (int i = from; i < to && !lookout.spotted(); i++) {
                    if (i == RING) {
                        lookout.report(i);
                    }
                }
            };
        }
        crew[3] = () -> {
            try {
                toldPosition[0] = lookout.awaitPosition();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        };
        Crew.run("searcher", crew);
        if (toldPosition[0] != RING) {
            throw new AssertionError("the coordinator was told the ring is at " + toldPosition[0] + "; it is at "
                    + RING);
        }
    }
}
