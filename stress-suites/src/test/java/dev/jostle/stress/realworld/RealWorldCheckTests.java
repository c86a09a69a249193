package dev.jostle.stress.realworld;

import static dev.jostle.stress.realworld.ProvingGroundFixture.DEQUE;
import static dev.jostle.stress.realworld.ProvingGroundFixture.MAIN_SITE_A;
import static dev.jostle.stress.realworld.ProvingGroundFixture.MAIN_SITE_B;
import static dev.jostle.stress.realworld.ProvingGroundFixture.POOL;
import static dev.jostle.stress.realworld.ProvingGroundFixture.TEST_SITE_A;
import static dev.jostle.stress.realworld.ProvingGroundFixture.TEST_SITE_B;
import static dev.jostle.stress.realworld.ProvingGroundFixture.race;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealWorldCheckTests {

    private static final String FIELD = "org.apache.commons.pool2.impl.GenericObjectPool.someField";

    @TempDir
    Path dir;

    @Test
    void everythingAsExpected_check_passesAndPrintsTheFigures() throws IOException {
        RealWorldCheck.Result result = new ProvingGroundFixture(dir).check();

        assertEquals(List.of(), result.problems());
        String report = String.join("\n", result.report());
        assertTrue(report.contains("plain      2 tests run (2 passed, 0 failed, 0 errors), 0 skipped, 5.6 s"), report);
        assertTrue(report.contains("jostled rounds: 44 in all over 2 tests, min 4, median 4 per test"), report);
        assertTrue(report.contains("races (distinct field and site pairs): 0 in pool's main code, 0 in pool's tests"), report);
        assertTrue(report.contains("caught it in 2 of 5000 tries"), report);
    }

    @Test
    void passesPlainlyFailsJostled_check_namesTheTestAndTheFailure() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.surefire("jostled", POOL, "testThreaded1", "failed:round 3 timed out", 30);

        assertEquals(List.of(POOL + "#testThreaded1 passed plainly but not jostled: failed: round 3 timed out"),
                ground.check().problems());
    }

    @Test
    void failsJostledWithTheEvidenceOfAKnownRealBug_check_reportsItAsFoundNotAsAProblem() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.writeString(ground.realFailures(), "# a comment\n"
                + "EvictionTimer.cancel(EvictionTimer.java:148) & EvictionTimer$Reaper.run | close() stalls\n");
        ground.surefire("jostled", POOL, "testThreaded1", "failed:round 3 timed out; at"
                + " EvictionTimer.cancel(EvictionTimer.java:148) ... at EvictionTimer$Reaper.run(EvictionTimer.java:76)", 30);

        RealWorldCheck.Result result = ground.check();

        assertEquals(List.of(), result.problems());
        assertTrue(String.join("\n", result.report()).contains(
                "found, a real bug (close() stalls): " + POOL + "#testThreaded1 failed: round 3 timed out"),
                String.join("\n", result.report()));
    }

    @Test
    void failsJostledWithOnlyPartOfAKnownBugsEvidence_check_namesTheTest() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.writeString(ground.realFailures(),
                "EvictionTimer.cancel(EvictionTimer.java:148) & EvictionTimer$Reaper.run | close() stalls\n");
        ground.surefire("jostled", POOL, "testThreaded1", "failed:round 3 timed out in"
                + " EvictionTimer.cancel(EvictionTimer.java:148)", 30);

        assertEquals(List.of(POOL + "#testThreaded1 passed plainly but not jostled: failed: round 3 timed out in"
                + " EvictionTimer.cancel(EvictionTimer.java:148)"), ground.check().problems());
    }

    @Test
    void realFailureLineWithoutAReason_check_refusesTheFile() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.writeString(ground.realFailures(), "EvictionTimer.cancel\n");

        IOException refused = assertThrows(IOException.class, ground::check);
        assertTrue(refused.getMessage().contains("expected 'evidence & evidence ... | why'"), refused.getMessage());
    }

    @Test
    void jostledRunRenamedTheTest_check_saysItIsMissingUnderThatName() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.delete(ground.surefireFile("jostled", DEQUE, "testPutFirst"));
        ground.surefire("jostled", DEQUE, "testPutFirst()[1]", "passed", 0.1);

        assertEquals(List.of(DEQUE + "#testPutFirst passed plainly but is not in the jostled run's reports under that name"),
                ground.check().problems());
    }

    @Test
    void fewerRoundsThanTheMinimum_check_namesTheTestAndItsRounds() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.jostleReport(POOL, "testThreaded1", "passed", 0, "[]");

        assertEquals(List.of(POOL + "#testThreaded1 passed on 0 jostled rounds, fewer than the minimum 3"),
                ground.check().problems());
    }

    @Test
    void reportedAsNotJostled_check_namesTheTest() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.jostleReport(POOL, "testThreaded1", "not-jostled", 1, "[]");

        assertEquals(List.of(POOL + "#testThreaded1 was not jostled (verdict not-jostled, 1 jostled rounds, minimum 3)"),
                ground.check().problems());
    }

    @Test
    void jostledTestWithoutReport_check_namesTheTest() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.delete(dir.resolve("jostled/jostle/" + DEQUE + ".testPutFirst.json"));

        assertEquals(List.of(DEQUE + "#testPutFirst ran in the jostled run but has no JSON report"),
                ground.check().problems());
    }

    @Test
    void raceInMainCodeNotAllowed_check_namesFieldBothSitesAndTheTest() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.jostleReport(POOL, "testThreaded1", "passed", 4, "[" + race(FIELD, MAIN_SITE_A, MAIN_SITE_B) + "]");

        assertEquals(List.of("race in pool's main code, not in allowed-races.txt: " + FIELD + " | " + MAIN_SITE_B
                        + " | " + MAIN_SITE_A + " (seen in " + POOL + "#testThreaded1)"),
                ground.check().problems());
    }

    @Test
    void raceInMainCodeAllowedWithSitesInTheOtherOrder_check_passesAndSaysWhy() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.jostleReport(POOL, "testThreaded1", "passed", 4, "[" + race(FIELD, MAIN_SITE_A, MAIN_SITE_B) + "]");
        Files.writeString(ground.allowList(), FIELD + " | " + MAIN_SITE_B + " | " + MAIN_SITE_A + " | a statistic\n");

        RealWorldCheck.Result result = ground.check();

        assertEquals(List.of(), result.problems());
        assertTrue(String.join("\n", result.report()).contains("main, allowed (a statistic): " + FIELD), result.report().toString());
    }

    @Test
    void raceBetweenTestClassesOnly_check_listsItWithoutFailing() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        String done = POOL + "$InvalidateThread.done";
        ground.jostleReport(POOL, "testThreaded1", "passed", 4, "[" + race(done, TEST_SITE_A, TEST_SITE_B) + "]");

        RealWorldCheck.Result result = ground.check();

        assertEquals(List.of(), result.problems());
        assertTrue(result.report().contains("races (distinct field and site pairs): 0 in pool's main code, 1 in pool's tests, 0 elsewhere"),
                result.report().toString());
        assertTrue(String.join("\n", result.report()).contains("  tests: " + done), result.report().toString());
    }

    @Test
    void raceInTheAgentOnlySummary_check_countsItAgainstTheTestNamedThere() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Path summary = dir.resolve("agent-only/jostle/" + JostleReports.SUMMARY);
        Files.createDirectories(summary.getParent());
        Files.writeString(summary, "{\"" + DEQUE + "#testPutFirst\": [" + race(FIELD, MAIN_SITE_A, MAIN_SITE_B) + "]}");

        List<String> problems = ground.check().problems();

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("(seen in " + DEQUE + "#testPutFirst)"), problems.get(0));
    }

    @Test
    void pool419NotCaughtOnTheBrokenRelease_check_saysSo() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.delete(ground.surefireFile("pool419-broken", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST));
        ground.surefire("pool419-broken", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST + "()[1]", "passed", 10);

        assertEquals(List.of("POOL-419 on 2.12.1: not caught, " + Pool419Runs.JOSTLED_TEST + " passed under Jostle"),
                ground.check().problems());
    }

    @Test
    void pool419CaughtWithAJostleReport_check_namesTheRoundThatFailedOnItsFirstLine() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.surefire("pool419-broken", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST,
                "failed:POOL-419: -1 active&#10;&#10;jostle: round 6 failed, after 138 passing rounds, in 0.09s&#10;  seed: 7", 1);

        RealWorldCheck.Result result = ground.check();

        assertEquals(List.of(), result.problems());
        assertTrue(result.report().contains("POOL-419 on 2.12.1: jostle: round 6 failed, after 138 passing rounds, in 0.09s"),
                result.report().toString());
        assertTrue(result.report().contains("POOL-419 on 2.12.1: jostled test failed: POOL-419: -1 active; plain loop"
                + " (10s, 2 workers, no agent noise) caught it in 2 of 5000 tries"), result.report().toString());
    }

    @Test
    void pool419FailedForAnotherReason_check_doesNotCountItAsCaught() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.surefire("pool419-broken", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST, "failed:round 1 timed out", 10);

        assertEquals(List.of("POOL-419 on 2.12.1: " + Pool419Runs.JOSTLED_TEST
                        + " failed, but not with the bug's message: failed: round 1 timed out"),
                ground.check().problems());
    }

    @Test
    void pool419SeenOnTheFixedRelease_check_namesTheTestAndTheFinding() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.surefire("pool419-fixed", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST, "failed:POOL-419: -1 active", 10);
        ground.plainCounts("pool419-fixed", "2.13.0", 100, 1);

        List<String> problems = ground.check().problems();

        assertEquals(List.of(
                "POOL-419 on 2.13.0: " + Pool419Runs.TEST_CLASS + "#" + Pool419Runs.JOSTLED_TEST + " must pass, but failed: POOL-419: -1 active",
                "POOL-419 on 2.13.0: the plain loop caught it 1 times: "), problems);
    }

    @Test
    void pool419RunHadTheWrongPoolVersion_check_saysWhichItHad() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        ground.plainCounts("pool419-fixed", "2.12.1", 100, 0);

        assertEquals(List.of("POOL-419: the run meant for commons-pool2 2.13.0 had 2.12.1 on its class path"),
                ground.check().problems());
    }

    @Test
    void nothingRan_check_failsRatherThanPassingVacuously() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.delete(ground.surefireFile("plain", POOL, "testThreaded1"));
        Files.delete(ground.surefireFile("plain", DEQUE, "testPutFirst"));

        assertTrue(ground.check().problems().get(0).startsWith("the plain run ran no test"), ground.check().problems().toString());
    }

    @Test
    void allowListEntryWithoutAReason_read_failsNamingTheLine() throws IOException {
        ProvingGroundFixture ground = new ProvingGroundFixture(dir);
        Files.writeString(ground.allowList(), "# header\n" + FIELD + " | " + MAIN_SITE_A + " | " + MAIN_SITE_B + "\n");

        IOException e = assertThrows(IOException.class, ground::check);
        assertTrue(e.getMessage().contains("allowed-races.txt:2: expected 'field | site | other site | why'"), e.getMessage());
    }
}
