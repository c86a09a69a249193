package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A hung round's threads do not run on into later tests. */
class JostledHangTests {

    @Test
    void workerSwallowsInterrupts_hang_isStoppedAtItsNextSharedAccessAndSaysSo() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(SwallowsInterruptsTestCase.class));
        String message = failure.getMessage();

        assertTrue(message.contains("1 thread of the round still running 1s after being interrupted:"
                + " \"stubborn-worker\"."), message);
        assertTrue(message.contains("Stopped there: \"stubborn-worker\"."), message);
        Thread worker = SwallowsInterruptsTestCase.worker;
        assertTrue(worker.isAlive());
        assertTrue(Arrays.stream(worker.getStackTrace()).anyMatch(frame -> frame.getMethodName().equals("holdIfAbandoned")),
                "parked for good by the agent: " + Arrays.toString(worker.getStackTrace()));
    }

    static class SwallowsInterruptsTestCase {
        static volatile Thread worker;
        static long laps;

        @Jostled(rounds = 3, time = "0", parallel = 1, strategy = "random", roundTimeout = "300ms")
        void workerIgnoresInterrupts() throws InterruptedException {
            Thread stubborn = new Thread(() -> {
                while (true) {
                    laps++;
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException swallowed) {
                        // As some pool workers do: the round's interrupt does not end this loop.
                    }
                }
            }, "stubborn-worker");
            worker = stubborn;
            stubborn.start();
            stubborn.join();
        }
    }
}
