package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Probes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** compareWithoutNoise also runs the budget without noise and states both counts. */
class JostledComparisonTests {

    @Test
    void passingTest_runComparing_runsTheBudgetTwiceAndReportsBothCounts() {
        PassingTestCase.rounds.set(0);

        EngineExecutionResults results = JostledTestKit.run(PassingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertEquals(1 + 12 + 12, PassingTestCase.rounds.get(),
                "one round without noise to time the test, 12 jostled rounds under that limit, then 12 without noise");
        Map<String, String> entries = JostledTestKit.reportEntries(results);
        assertEquals("0 of 12 rounds failed without jostling; 0 of 12 rounds failed with jostling",
                entries.get("jostle.withoutJostling"));
    }

    @Test
    void failingTest_runComparing_statesBothCountsInTheFailure() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsInRoundThreeTestCase.class));

        assertTrue(failure.getMessage().contains(
                "evidence: 1 of 12 rounds failed without jostling; round 3 failed with jostling"), failure.getMessage());
    }

    @Test
    void failsOnlyWithoutNoise_runComparing_stillFailsSayingSo() {
        FailsOnlyInFirstRunTestCase.runs.set(0);

        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsOnlyInFirstRunTestCase.class));

        assertTrue(failure.getMessage().contains("jostle: round 0 failed without jostling (noise off)"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("evidence: 1 of 12 rounds failed without jostling; 0 of 12 rounds"
                + " failed with jostling"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Djostle.strategy=none -Djostle.races=off"), failure.getMessage());
        assertTrue(failure.getMessage().contains("strategy = \"none\", races = \"off\")"), failure.getMessage());
    }

    /**
     * The count without jostling must be the test's own: race detection in those rounds would arm the hooks,
     * and detection's cost widens a race's window as noise does.
     */
    @Test
    void runComparing_roundsWithoutJostling_leaveTheHooksDisarmed() {
        RecordsArmedHooksTestCase.armed.clear();

        JostledTestKit.run(RecordsArmedHooksTestCase.class);

        List<Boolean> armed = RecordsArmedHooksTestCase.armed;
        // The round that times the test records sites and detects races like the jostled rounds: it is not part
        // of the count without jostling, which comes last, under the limit that round measured.
        assertEquals(1 + 12 + 12, armed.size(), armed.toString());
        assertEquals(List.of(true), armed.subList(0, 13).stream().distinct().toList(), "with jostling: " + armed);
        assertEquals(List.of(false), armed.subList(13, 25).stream().distinct().toList(), "without jostling: " + armed);
    }

    static class RecordsArmedHooksTestCase {
        static final List<Boolean> armed = new CopyOnWriteArrayList<>();

        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", races = "warn",
                compareWithoutNoise = true)
        void records() {
            armed.add(Probes.anyRoundOpen());
        }
    }

    static class PassingTestCase {
        static final AtomicInteger rounds = new AtomicInteger();

        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void passes() {
            rounds.incrementAndGet();
        }
    }

    static class FailsInRoundThreeTestCase {
        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void failsInRoundThree() {
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three");
            }
        }
    }

    static class FailsOnlyInFirstRunTestCase {
        static final AtomicInteger runs = new AtomicInteger();

        @Jostled(rounds = 12, time = "0", parallel = 1, strategy = "random", compareWithoutNoise = true)
        void failsTheVeryFirstTime() {
            // Only rounds without jostling leave the hooks disarmed: the first of them fails.
            if (!Probes.anyRoundOpen() && runs.getAndIncrement() == 0) {
                throw new AssertionError("first time only");
            }
        }
    }
}
