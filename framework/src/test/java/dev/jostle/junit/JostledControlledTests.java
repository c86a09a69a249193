package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void lostUpdate_controlledRandom_reportShowsTheInterleavingWithBothAddersAndWritesItWhole(@TempDir Path dir)
            throws IOException {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(LostUpdateTestCase.class,
                "jostle.strategy", "controlled-random", "jostle.roundTimeout", "30s", "jostle.seed", "7",
                "jostle.reportsDir", dir.toString()));

        String message = failure.getMessage();
        List<String> table = message.lines().dropWhile(line -> !line.startsWith("the interleaving that broke it"))
                .skip(1).takeWhile(line -> line.startsWith("  ")).toList();
        assertFalse(table.isEmpty(), message);
        assertTrue(table.get(0).matches("  step +\\| jostled-increments-\\d+ +\\| adder-a +\\| adder-b"), message);
        assertTrue(table.stream().anyMatch(row -> row.contains("field-write count")), message);
        Matcher trace = Pattern.compile("full trace: (.*schedule-(\\d+)\\.txt)").matcher(message);
        assertTrue(trace.find(), message);
        assertTrue(Files.readString(Path.of(trace.group(1))).contains("| adder-b"), trace.group(1));
        assertEquals(dir.toRealPath(), Path.of(trace.group(1)).getParent().toRealPath());
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
