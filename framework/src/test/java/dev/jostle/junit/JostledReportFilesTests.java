package dev.jostle.junit;

import dev.jostle.agent.bootstrap.Probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * What a jostled test leaves where users look: one console line naming it, a JSON file in
 * {@code jostle.reportsDir}, and the folder's {@code index.html}. Every run here writes into a temporary folder.
 */
class JostledReportFilesTests {

    @TempDir
    Path reports;

    @Test
    void passingTest_run_printsExactlyOneSummaryLineNamingTheTestAndNothingOnStderr() {
        Output output = capturing(() -> JostledTestKit.run(PassingTestCase.class, "jostle.reportsDir", reports.toString()));

        output.results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        String test = PassingTestCase.class.getName() + "#passes";
        List<String> lines = output.linesMentioning(PassingTestCase.class.getName());
        assertEquals(1, lines.size(), output.out + output.err);
        assertEquals("jostle: " + test + ": passed, 5 jostled rounds + 1 without noise, 0 failed, 0 races, seed 42"
                + " (random), ", lines.get(0).replaceFirst("\\d+\\.\\ds -> .*", ""), lines.get(0));
        assertTrue(lines.get(0).endsWith(" -> " + reports.resolve(PassingTestCase.class.getName() + ".passes.json")),
                "points at the file: " + lines.get(0));
        assertFalse(output.err.contains("jostle"), output.err);
    }

    @Test
    void passingTest_run_writesItsJsonFileWithEveryField() throws IOException {
        JostledTestKit.run(PassingTestCase.class, "jostle.reportsDir", reports.toString());

        JsonObject json = json(PassingTestCase.class, "passes");
        assertEquals(PassingTestCase.class.getName() + "#passes", json.get("test").getAsString());
        assertEquals("passed", json.get("verdict").getAsString());
        assertFalse(json.get("failed").getAsBoolean());
        assertEquals(5, json.get("jostledRounds").getAsInt());
        assertEquals(1, json.get("roundsWithoutNoise").getAsInt(), "the round that measured the test's duration");
        assertEquals(3, json.get("minRounds").getAsInt());
        assertEquals(42, json.get("seed").getAsLong());
        assertEquals("random", json.get("strategy").getAsString());
        assertTrue(json.get("elapsedMillis").getAsLong() >= 0);
        assertTrue(json.get("normalDurationMillis").getAsLong() >= 0);
        assertEquals(5000, json.get("roundTimeoutMillis").getAsLong(), "the floor: the test takes no time");
        assertTrue(json.get("failure").isJsonNull());
        assertEquals(0, json.get("races").getAsJsonArray().size());
        assertEquals("warn", json.get("racePolicy").getAsString());
    }

    @Test
    void racyTestThatPasses_run_countsTheRaceOnTheConsoleAndWritesBothAccessesToTheFile() throws IOException {
        Output output = capturing(() -> JostledTestKit.run(RacyTestCase.class, "jostle.reportsDir", reports.toString()));

        output.results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        List<String> lines = output.linesMentioning(RacyTestCase.class.getName());
        assertEquals(1, lines.size(), output.out + output.err);
        assertTrue(lines.get(0).contains(": passed, 20 jostled rounds + 1 without noise, 0 failed, 1 race, "),
                lines.get(0));
        assertFalse((output.out + output.err).contains("data race on"), "the race is in the file, not the console");

        JsonArray races = json(RacyTestCase.class, "bothThreadsClaimTheSameSlot").getAsJsonArray("races");
        assertEquals(1, races.size(), races.toString());
        JsonObject race = races.get(0).getAsJsonObject();
        assertEquals(RacyTestCase.class.getName() + ".owner", race.get("field").getAsString());
        JsonArray accesses = race.getAsJsonArray("accesses");
        assertEquals(2, accesses.size());
        for (JsonElement element : accesses) {
            JsonObject access = element.getAsJsonObject();
            assertTrue(access.get("thread").getAsString().startsWith("concurrently-"), access.toString());
            assertEquals("write", access.get("kind").getAsString());
            assertTrue(access.get("site").getAsString().matches(
                    "dev\\.jostle\\.junit\\.JostledReportFilesTests\\$RacyTestCase\\.lambda\\$.*"
                            + "\\(JostledReportFilesTests\\.java:\\d+\\)"), access.toString());
            assertTrue(access.get("stack").isJsonArray(), access.toString());
        }
        JsonArray laterStack = accesses.get(1).getAsJsonObject().getAsJsonArray("stack");
        assertEquals(accesses.get(1).getAsJsonObject().get("site").getAsString(), laterStack.get(0).getAsString(),
                "the later access's stack starts at its site, written the same way");
    }

    @Test
    void racyTestThatPasses_racesFail_failsWithTheRacesInTheMessageAndTheFileSaysWhy() throws IOException {
        Output output = capturing(() -> JostledTestKit.run(RacyTestCase.class,
                "jostle.reportsDir", reports.toString(), "jostle.races", "fail"));

        Throwable failure = JostledTestKit.onlyFailure(output.results);
        assertTrue(failure.getMessage().contains("data race on " + RacyTestCase.class.getName() + ".owner"),
                failure.getMessage());
        List<String> lines = output.linesMentioning(RacyTestCase.class.getName());
        assertEquals(1, lines.size(), output.out + output.err);
        assertTrue(lines.get(0).contains(": FAILED, 20 jostled rounds + 1 without noise, 0 failed, 1 race (races = fail)"),
                lines.get(0));
        JsonObject json = json(RacyTestCase.class, "bothThreadsClaimTheSameSlot");
        assertEquals("failed", json.get("verdict").getAsString());
        assertTrue(json.get("failed").getAsBoolean());
        assertEquals("races", json.getAsJsonObject("failure").get("kind").getAsString());
        assertEquals(1, json.getAsJsonArray("races").size());
    }

    @Test
    void failingTest_run_writesTheFailureAndItsReplayAndPrintsItsMessageOnlyOnce() throws IOException {
        Output output = capturing(() -> JostledTestKit.run(FailsInRoundThreeTestCase.class,
                "jostle.reportsDir", reports.toString(), "jostle.replays", "0"));

        Throwable failure = JostledTestKit.onlyFailure(output.results);
        assertTrue(failure.getMessage().startsWith("java.lang.AssertionError: round three"), failure.getMessage());
        List<String> lines = output.linesMentioning(FailsInRoundThreeTestCase.class.getName());
        assertEquals(1, lines.size(), output.out + output.err);
        assertTrue(lines.get(0).contains(": FAILED, 4 jostled rounds + 1 without noise, 1 failed, 0 races, seed 1000"
                + " (random), "), lines.get(0));
        assertFalse((output.out + output.err).contains("round three"), "the message is thrown, not printed too");

        JsonObject json = json(FailsInRoundThreeTestCase.class, "failsInRoundThree");
        assertEquals("failed", json.get("verdict").getAsString());
        assertTrue(json.get("failed").getAsBoolean());
        assertEquals(4, json.get("jostledRounds").getAsInt());
        JsonObject failed = json.getAsJsonObject("failure");
        assertEquals("exception", failed.get("kind").getAsString());
        assertEquals("java.lang.AssertionError: round three", failed.get("message").getAsString());
        assertEquals(3, failed.get("round").getAsInt());
        assertEquals(1003, failed.get("seed").getAsLong());
        assertEquals("random", failed.get("strategy").getAsString());
        assertEquals("-Djostle.seed=1003 -Djostle.strategy=random", failed.get("replay").getAsString());
        assertTrue(failed.get("replayedExactly").isJsonNull());
        assertEquals("@Jostled(seed = 1003L, strategy = \"random\")", failed.get("replayAnnotation").getAsString());
        assertEquals(failure.getMessage(), failed.get("report").getAsString(), "the whole message, as thrown");
    }

    @Test
    void failingWithoutNoise_compareWithoutNoise_reportsTheBaselineRoundAndItsReplayWithRacesOff() throws IOException {
        FailsWithoutNoiseTestCase.CALLS.set(0);
        JostledTestKit.run(FailsWithoutNoiseTestCase.class, "jostle.reportsDir", reports.toString());

        JsonObject json = json(FailsWithoutNoiseTestCase.class, "failsOnItsOwn");
        assertEquals(1 + 4, json.get("roundsWithoutNoise").getAsInt(), "the observation round and the baseline's");
        assertEquals(1, json.get("failedRoundsWithoutNoise").getAsInt());
        JsonObject failed = json.getAsJsonObject("failure");
        assertEquals("without-noise", failed.get("phase").getAsString());
        assertTrue(failed.get("replay").getAsString().endsWith(" -Djostle.strategy=none -Djostle.races=off"),
                failed.toString());
    }

    @Test
    void reportsDir_systemProperty_winsOverTheConfigurationParameter(@TempDir Path other) throws IOException {
        System.setProperty("jostle.reportsDir", other.toString());
        try {
            JostledTestKit.run(PassingTestCase.class, "jostle.reportsDir", reports.toString());
        } finally {
            System.clearProperty("jostle.reportsDir");
        }

        assertTrue(Files.exists(other.resolve(PassingTestCase.class.getName() + ".passes.json")));
        assertTrue(Files.exists(other.resolve("index.html")));
        assertFalse(Files.exists(reports.resolve(PassingTestCase.class.getName() + ".passes.json")));
    }

    @Test
    void reportsDir_configurationParameter_holdsTheJsonFileAndTheIndex() throws IOException {
        JostledTestKit.run(PassingTestCase.class, "jostle.reportsDir", reports.resolve("nested/folder").toString());

        Path folder = reports.resolve("nested/folder");
        assertTrue(Files.exists(folder.resolve(PassingTestCase.class.getName() + ".passes.json")));
        String index = Files.readString(folder.resolve("index.html"));
        assertTrue(index.contains(PassingTestCase.class.getName() + "#passes"), index);
        try (var files = Files.list(folder)) {
            assertEquals(List.of(".index.lock", PassingTestCase.class.getName() + ".passes.json", "index.html"),
                    files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList()),
                    "no temporary file is left behind");
        }
    }

    @Test
    void writtenJson_readBack_isTheSameReportAndWritesTheSameText() throws IOException {
        JostledTestKit.run(RacyTestCase.class, "jostle.reportsDir", reports.toString());

        Path file = reports.resolve(RacyTestCase.class.getName() + ".bothThreadsClaimTheSameSlot.json");
        String written = Files.readString(file);
        assertEquals(written.strip(), ReportJson.toJson(ReportJson.read(file)).strip());
        assertEquals(ReportJson.read(file), ReportJson.fromJson(written));
    }

    @Test
    void reportEntries_nameTheTestAndCarryTheSummaryLine() {
        Map<String, String> entries = JostledTestKit.reportEntries(
                JostledTestKit.run(PassingTestCase.class, "jostle.reportsDir", reports.toString()));

        assertEquals(PassingTestCase.class.getName() + "#passes", entries.get("jostle.test"));
        assertTrue(entries.get("jostle.summary").startsWith("jostle: " + PassingTestCase.class.getName() + "#passes: "),
                entries.toString());
        assertEquals(reports.resolve(PassingTestCase.class.getName() + ".passes.json").toString(),
                entries.get("jostle.reportFile"));
    }

    private JsonObject json(Class<?> fixture, String method) throws IOException {
        Path file = reports.resolve(fixture.getName() + "." + method + ".json");
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static Output capturing(Supplier<EngineExecutionResults> run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = run.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Output output = new Output(results, capturedOut.toString(StandardCharsets.UTF_8),
                capturedErr.toString(StandardCharsets.UTF_8));
        out.print(output.out);
        err.print(output.err);
        return output;
    }

    private static final class Output {
        final EngineExecutionResults results;
        final String out;
        final String err;

        Output(EngineExecutionResults results, String out, String err) {
            this.results = results;
            this.out = out;
            this.err = err;
        }

        /** Every line of both streams that mentions {@code text}. */
        List<String> linesMentioning(String text) {
            return Arrays.stream((out + err).split("\\R")).filter(line -> line.contains(text))
                    .collect(Collectors.toList());
        }
    }

    static class PassingTestCase {
        @Jostled(rounds = 5, time = "0", seed = 42, strategy = "random", parallel = 1)
        void passes() {
        }
    }

    static class RacyTestCase {
        private String owner;

        @Jostled(rounds = 20, time = "0", strategy = "random", parallel = 1)
        void bothThreadsClaimTheSameSlot() {
            Concurrently.run(2, () -> owner = "claimed");
            org.junit.jupiter.api.Assertions.assertEquals("claimed", owner);
        }
    }

    static class FailsInRoundThreeTestCase {
        @Jostled(rounds = 10, time = "0", seed = 1000, strategy = "random", parallel = 1)
        void failsInRoundThree() {
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three");
            }
        }
    }

    static class FailsWithoutNoiseTestCase {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Jostled(rounds = 4, time = "0", strategy = "mixed", compareWithoutNoise = true, parallel = 1)
        void failsOnItsOwn() {
            // Only the baseline's rounds leave the hooks disarmed (the round that measures the test arms them):
            // the first of them fails, every other round passes.
            if (!Probes.anyRoundOpen() && CALLS.getAndIncrement() == 0) {
                throw new AssertionError("fails without noise");
            }
        }
    }
}
