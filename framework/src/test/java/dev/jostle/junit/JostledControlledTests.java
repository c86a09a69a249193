package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The controlled strategies under @Jostled: the lost update fails, and the replay check compares the decisions. */
class JostledControlledTests {

    @Test
    void lostUpdate_controlledRandom_failsAndEveryReplayTakesTheSameDecisions() {
        assertEveryReplayTakesTheSameDecisions("controlled-random");
    }

    @Test
    void lostUpdate_controlledPos_failsAndEveryReplayTakesTheSameDecisions() {
        assertEveryReplayTakesTheSameDecisions("controlled-pos");
    }

    private static void assertEveryReplayTakesTheSameDecisions(String strategy) {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(LostUpdateTestCase.class,
                "jostle.strategy", strategy, "jostle.roundTimeout", "30s"));

        assertTrue(failure.getMessage().contains(strategy), failure.getMessage());
        Matcher check = Pattern.compile("this seed failed again in (\\d+) of (\\d+) replays?; decisions replayed"
                + " exactly in (\\d+) of (\\d+)").matcher(failure.getMessage());
        assertTrue(check.find(), failure.getMessage());
        assertEquals(check.group(2), check.group(1), "every replay failed again: " + check.group());
        assertEquals(check.group(1), check.group(3), "by the same decisions: " + check.group());
        assertEquals(check.group(1), check.group(4), check.group());
    }

    static class LostUpdateTestCase {
        private int count;

        @Jostled
        void increments() throws InterruptedException {
            Runnable add = () -> {
                for (int i = 0; i < 100; i++) {
                    count++;
                }
            };
            Thread a = new Thread(add, "adder-a");
            Thread b = new Thread(add, "adder-b");
            a.start();
            b.start();
            a.join();
            b.join();
            org.junit.jupiter.api.Assertions.assertEquals(200, count);
        }
    }
}
