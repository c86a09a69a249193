package dev.jostle.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Hooks;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.noise.Delays;
import dev.jostle.agent.noise.NoisePlan;
import dev.jostle.agent.noise.NoiseThread;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A sleep in a round lasts until the other threads have made up the noise they got while it slept. Tests
 * sleep to let other threads get somewhere ({@code start(); sleep(10); assert they are all waiting}); noise
 * that holds one of them back for 30 ms would otherwise fail them for a reason no real run has.
 */
class SleepOutlastsNoiseTests {

    private static final int POINT = Sites.register(Event.SYNC_CALL, "demo.Waiter", "run", "Waiter.java", 3,
            "demo.Waiter.run", false);
    private static final long HELD_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

    @Test
    void anotherThreadHeldByNoise_sleepOfTheTestThread_endsOnlyAfterTheNoiseEnds() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        long[] delayEnds = new long[1];
        NoisePlan holdTheWorker = new NoisePlan() {
            @Override
            public void atPoint(NoiseThread thread, int event, int site) {
                if (thread.name().equals("worker")) {
                    delayEnds[0] = System.nanoTime() + HELD_NANOS; // no later than the delay's own end
                    holding.countDown();
                    Delays.SYSTEM.park(thread, HELD_NANOS);
                }
            }

            @Override
            public String describe() {
                return "hold the worker";
            }
        };
        Round round = new Round(new Session(Strategy.RANDOM, 1, false), 0, 1, Strategy.RANDOM, holdTheWorker,
                false, Thread.currentThread());
        try (Round.Binding binding = round.bind()) {
            Thread worker = new Thread(() -> Hooks.beforeSyncCall(POINT), "worker");
            worker.start();
            assertTrue(holding.await(30, TimeUnit.SECONDS), "the worker never reached its point");
            // The worker counts down just before its delay starts; a sleep can only outlast a delay under way.
            while (worker.getState() != Thread.State.TIMED_WAITING && worker.isAlive()) {
                Thread.onSpinWait();
            }

            Hooks.threadSleep(10, POINT);

            long early = delayEnds[0] - System.nanoTime();
            assertTrue(early <= 0, "the sleep ended " + Duration.ofNanos(early).toMillis()
                    + " ms before the worker's 300 ms of noise did");
            worker.join();
        } finally {
            round.end();
        }
    }

    @Test
    void interruptedThread_sleepInANoisyRound_throwsAsThePlainSleepWould() {
        NoisePlan noisy = new NoisePlan() {
            @Override
            public void atPoint(NoiseThread thread, int event, int site) {
                Delays.SYSTEM.park(thread, 1_000); // some noise, so that the sleep looks at the others
            }

            @Override
            public String describe() {
                return "a microsecond everywhere";
            }
        };
        Round round = new Round(new Session(Strategy.RANDOM, 1, false), 0, 1, Strategy.RANDOM, noisy, false,
                Thread.currentThread());
        try (Round.Binding binding = round.bind()) {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> Hooks.threadSleep(10, POINT));
            assertFalse(Thread.currentThread().isInterrupted(), "the sleep consumed the interrupt, as it does");
        } finally {
            Thread.interrupted();
            round.end();
        }
    }
}
