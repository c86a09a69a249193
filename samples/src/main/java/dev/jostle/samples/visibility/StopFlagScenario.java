package dev.jostle.samples.visibility;

import dev.jostle.samples.Crew;
import java.util.concurrent.CountDownLatch;

/** The checked scenario: start a spinner, let it run a moment, stop it; it must stop well short of its limit. */
public final class StopFlagScenario {

    private StopFlagScenario() {
    }

    public static void run(Spinner spinner) {
        CountDownLatch started = new CountDownLatch(1);
        long[] laps = new long[1];
        Crew.run("stopflag", () -> {
            started.countDown();
            laps[0] = spinner.spin();
        }, () -> {
            try {
                started.await();
                Thread.sleep(1);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            spinner.stop();
        });
        if (laps[0] >= Spinner.LIMIT) {
            throw new AssertionError("the spinner ran all " + Spinner.LIMIT + " laps: it never saw stop()");
        }
    }
}
