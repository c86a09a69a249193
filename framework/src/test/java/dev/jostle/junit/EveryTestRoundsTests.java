package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started with {@code -javaagent} runs every plain test once in a round of its own, with race detection:
 * races are told apart by test, summed up at the end of the run, and fail the racy tests when asked. Each
 * fixture's threads both update one plain field (the racy test) or do so under a lock (the race-free one);
 * the tests pass either way, as plain runs of them would.
 */
class EveryTestRoundsTests {

    private static final String TWO_TESTS = EveryTestRoundsTests.class.getName() + "$TwoTestsTestCase";

    @TempDir
    Path reports;

    @Test
    void racyAndRaceFreeTests_defaults_theRacyOneIsAttributedItsRaceAndBothPass() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class);

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals(SUCCESSFUL, run.status("raceFree"));
        JsonObject report = run.report();
        assertEquals("warn", report.get("races").getAsString());
        assertEquals("none", report.get("noise").getAsString());
        assertEquals(2, report.get("tests").getAsInt());
        JsonArray tests = report.getAsJsonArray("testsWithRaces");
        assertEquals(1, tests.size(), tests.toString());
        JsonObject racy = tests.get(0).getAsJsonObject();
        assertEquals(TWO_TESTS + "#racy", racy.get("test").getAsString());
        JsonObject race = racy.getAsJsonArray("races").get(0).getAsJsonObject();
        assertEquals(TWO_TESTS + ".hits", race.get("field").getAsString());
        JsonArray accesses = race.getAsJsonArray("accesses");
        assertEquals(2, accesses.size());
        for (int i = 0; i < 2; i++) {
            JsonObject access = accesses.get(i).getAsJsonObject();
            assertTrue(access.get("thread").getAsString().startsWith("claimer-"), access.toString());
            assertTrue(List.of("read", "write").contains(access.get("kind").getAsString()), access.toString());
            assertTrue(access.get("site").getAsString()
                    .matches("dev\\.jostle\\.junit\\.EveryTestRoundsTests\\$TwoTestsTestCase\\.\\S+\\(EveryTestRoundsTests\\.java:\\d+\\)"),
                    access.toString());
        }
        assertEquals(List.of(
                "jostle: every test ran with race detection: data races in 1 of 2 tests (races=warn, noise=none); details in "
                        + run.reportFile(),
                "jostle:   " + TWO_TESTS + "#racy: 1 race on " + TWO_TESTS + ".hits"), run.jostleLines);
    }

    @Test
    void raceFreeTestAlone_defaults_noRaceInOneTest() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, RaceFreeTestCase.class);

        assertEquals(SUCCESSFUL, run.status("raceFree"));
        assertEquals(0, run.report().getAsJsonArray("testsWithRaces").size());
        assertEquals(List.of("jostle: every test ran with race detection: no data race in 1 test (races=warn, noise=none)"),
                run.jostleLines);
    }

    @Test
    void racyAndRaceFreeTests_racesFail_failsOnlyTheRacyOneWithTheRaceReport() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.races", "fail",
                "junit.jupiter.extensions.autodetection.enabled", "true");

        assertEquals(FAILED, run.status("racy"));
        assertEquals(SUCCESSFUL, run.status("raceFree"));
        String message = run.failureMessage("racy");
        assertTrue(message.startsWith("1 data race seen while this test ran (jostle.races=fail)\ndata race on "
                + TWO_TESTS + ".hits"), message);
        assertTrue(message.contains("in thread \"claimer-"), message);
        assertEquals(1, run.report().getAsJsonArray("testsWithRaces").size());
        assertFalse(run.jostleLines.stream().anyMatch(line -> line.contains("did not fail")), run.jostleLines.toString());
    }

    @Test
    void racyTest_racesFailWithoutExtensionAutodetection_passesAndTheSummarySaysWhy() {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.races", "fail");

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals("jostle: jostle.races=fail did not fail 1 test with races: JUnit did not load Jostle's extension;"
                + " set junit.jupiter.extensions.autodetection.enabled=true", run.jostleLines.get(run.jostleLines.size() - 1));
    }

    @Test
    void racyTest_racesOff_reportsNothing() {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.races", "off");

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals(List.of(), run.jostleLines);
        assertFalse(Files.exists(run.reportFile()));
    }

    @Test
    void racyTest_everyTestFalse_reportsNothing() {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.everyTest", "false");

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals(List.of(), run.jostleLines);
        assertFalse(Files.exists(run.reportFile()));
    }

    @Test
    void busyTest_noiseRandom_theRoundRunsUnderNoise() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, BusyTestCase.class, "jostle.noise", "random", "jostle.races", "off");

        assertEquals(SUCCESSFUL, run.status("countsToMany"));
        JsonObject report = run.report();
        assertEquals("random", report.get("noise").getAsString());
        long noise = report.get("noiseEvents").getAsLong();
        assertTrue(noise > 0, "noise events: " + noise);
        assertEquals(List.of("jostle: every test ran under noise: 1 test (races=off, noise=random, seed "
                + report.get("seed").getAsLong() + ", " + noise + " noise events)"), run.jostleLines);
    }

    @Test
    void racyTests_parallelExecution_eachRaceGoesToItsOwnTest() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent");

        JsonObject report = run.report();
        assertEquals(2, report.get("tests").getAsInt());
        JsonArray tests = report.getAsJsonArray("testsWithRaces");
        assertEquals(1, tests.size(), tests.toString());
        assertEquals(TWO_TESTS + "#racy", tests.get(0).getAsJsonObject().get("test").getAsString());
    }

    @Test
    void jostledAndPlainRacyTests_defaults_onlyThePlainOneGetsAPerTestRound() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, JostledNextToPlainTestCase.class, "jostle.races", "warn");

        assertEquals(SUCCESSFUL, run.status("plain"));
        assertEquals(SUCCESSFUL, run.status("jostled"));
        JsonObject report = run.report();
        assertEquals(1, report.get("tests").getAsInt(), "the @Jostled test ran its own rounds");
        JsonArray tests = report.getAsJsonArray("testsWithRaces");
        assertEquals(1, tests.size(), tests.toString());
        assertTrue(tests.get(0).getAsJsonObject().get("test").getAsString().endsWith("JostledNextToPlainTestCase#plain"));
    }

    @Test
    void selectedRacyTest_jostleSelect_runsItsOwnRoundsAndGetsNoPerTestRound() throws IOException {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.races", "warn",
                "junit.jupiter.extensions.autodetection.enabled", "true", "jostle.select", TWO_TESTS + "#racy",
                "jostle.rounds", "3", "jostle.time", "0", "jostle.parallel", "1");

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals(SUCCESSFUL, run.status("raceFree"));
        JsonObject report = run.report();
        assertEquals(1, report.get("tests").getAsInt(), "the selected test ran its own rounds: " + report);
        assertEquals(0, report.getAsJsonArray("testsWithRaces").size(), report.toString());
    }

    @Test
    void unknownNoise_isAnErrorNamingTheSettingAndTheValue() {
        EveryTestRun run = EveryTestRun.of(reports, TwoTestsTestCase.class, "jostle.noise", "loud");

        assertEquals(SUCCESSFUL, run.status("racy"));
        assertEquals(1, run.jostleLines.size(), run.jostleLines.toString());
        assertTrue(run.jostleLines.get(0).startsWith("jostle: jostle.noise=loud: unknown strategy 'loud'; known: none,"),
                run.jostleLines.get(0));
        assertTrue(run.jostleLines.get(0).endsWith("; the tests run without Jostle's per-test race detection"),
                run.jostleLines.get(0));
    }

    @Test
    void unknownRacePolicy_isAnErrorNamingTheSettingAndTheValue() {
        EveryTestRun run = EveryTestRun.of(reports, RaceFreeTestCase.class, "jostle.races", "loud");

        assertEquals(List.of("jostle: jostle.races=loud: races must be fail, warn or off, not 'loud';"
                + " the tests run without Jostle's per-test race detection"), run.jostleLines);
    }

    /** Two threads started together that both run {@code update}, then joined. */
    static void inTwoThreads(Runnable update) throws InterruptedException {
        Thread first = new Thread(update, "claimer-1");
        Thread second = new Thread(update, "claimer-2");
        first.start();
        second.start();
        first.join();
        second.join();
    }

    static class TwoTestsTestCase {
        private int hits;

        @BeforeEach
        void reset() {
            hits = 0;
        }

        @Test
        void racy() throws InterruptedException {
            inTwoThreads(() -> hits++);
        }

        @Test
        void raceFree() throws InterruptedException {
            inTwoThreads(() -> {
                synchronized (this) {
                    hits++;
                }
            });
            synchronized (this) {
                assertEquals(2, hits);
            }
        }
    }

    static class RaceFreeTestCase {
        private int hits;

        @Test
        void raceFree() throws InterruptedException {
            inTwoThreads(() -> {
                synchronized (this) {
                    hits++;
                }
            });
        }
    }

    static class BusyTestCase {
        private int count;

        @Test
        void countsToMany() {
            for (int i = 0; i < 20_000; i++) {
                count++;
            }
            assertEquals(20_000, count);
        }
    }

    static class JostledNextToPlainTestCase {
        private int hits;

        @Test
        void plain() throws InterruptedException {
            inTwoThreads(() -> hits++);
        }

        @Jostled(rounds = 3, strategy = "none", parallel = 1)
        void jostled() throws InterruptedException {
            inTwoThreads(() -> hits++);
        }
    }
}
