package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.programs.fixtures.AssertsFalse;
import dev.jostle.programs.fixtures.FreshStatics;
import dev.jostle.programs.fixtures.InstanceMain;
import dev.jostle.programs.fixtures.NoMain;
import dev.jostle.programs.fixtures.Passes;
import dev.jostle.programs.fixtures.Throws;
import dev.jostle.programs.fixtures.ThrowsInThread;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hunt command run in this JVM, on programs that end by themselves (programs that leave threads behind
 * are hunted in a child JVM by {@code HuntCommandIT}).
 */
class HuntCommandTests {

    @Test
    void classNotOnTheClassPath_run_exits2NamingIt() {
        Run run = hunt("com.acme.Missing");

        assertEquals(2, run.status);
        assertTrue(run.err.contains("class not found: com.acme.Missing"), run.err);
    }

    @Test
    void classWithoutMain_run_exits2BeforeAnyRound() {
        Run run = hunt(NoMain.class.getName());

        assertEquals(2, run.status);
        assertTrue(run.err.contains("has no public static void main(String[])"), run.err);
        assertFalse(run.out.contains("rounds"), "no round ran: " + run.out);
    }

    @Test
    void instanceMain_run_exits2() {
        Run run = hunt(InstanceMain.class.getName());

        assertEquals(2, run.status);
        assertTrue(run.err.contains("has no public static void main(String[])"), run.err);
    }

    @Test
    void missingClassPathEntry_run_exits2NamingIt() {
        Run run = huntWith(List.of("-cp", "no/such/folder"), Passes.class.getName());

        assertEquals(2, run.status);
        assertTrue(run.err.contains("class path entry 'no/such/folder' does not exist"), run.err);
    }

    @Test
    void classPathEntryThatIsNotAJar_run_exits2NamingIt(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a jar");

        Run run = huntWith(List.of("-cp", text.toString()), Passes.class.getName());

        assertEquals(2, run.status);
        assertTrue(run.err.contains("is neither a folder nor a jar"), run.err);
    }

    @Test
    void unknownOption_run_exits2NamingIt() {
        Run run = huntWith(List.of("--frobnicate"), Passes.class.getName());

        assertEquals(2, run.status);
        assertTrue(run.err.contains("unknown option '--frobnicate'"), run.err);
    }

    @Test
    void passingProgram_run_exits0AfterTheRoundBudget() {
        Run run = hunt("--rounds", "40", "--strategy", "none", "--seed", "7", Passes.class.getName());

        assertEquals(0, run.status, run.out + run.err);
        assertTrue(run.out.contains("no failure in 40 rounds"), run.out);
        assertTrue(run.out.contains("seed 7"), run.out);
    }

    @Test
    void programWithStatics_runManyRounds_eachRoundStartsFresh() {
        Run run = hunt("--rounds", "30", "--parallel", "2", "--strategy", "none", FreshStatics.class.getName());

        assertEquals(0, run.status, "statics leaked between rounds: " + run.out + run.err);
    }

    @Test
    void throwingProgram_run_exits1WithStackOutputAndReplayLine() {
        Run run = hunt("--strategy", "random", "--seed", "100", "--parallel", "1", Throws.class.getName(), "a1");

        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("FAILED in round 0 (strategy random, seed 100)"), run.out);
        assertTrue(run.out.contains("exception in thread \"main\": java.lang.IllegalStateException"), run.out);
        assertTrue(run.out.contains("java.lang.IllegalStateException: boom from main"), run.out);
        assertTrue(run.out.contains("at " + Throws.class.getName() + ".main(Throws.java:"), run.out);
        assertFalse(run.out.contains("at dev.jostle.engine."), "the hunt's own frames are cut: " + run.out);
        assertTrue(run.out.contains("  | about to fail with args a1"), "the round's output is shown: " + run.out);
        assertTrue(run.out.contains("--strategy random --seed 100 --rounds 1 --parallel 1 "
                + Throws.class.getName() + " a1"), run.out);
        assertTrue(run.out.contains("this seed failed again in 5 of 5 replays"), "checked before it is reported: " + run.out);
    }

    @Test
    void mixedStrategy_failingProgram_failsInTheObservationRoundAndChecksItsReplayWithoutNoise(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("result.json");

        Run run = hunt("--seed", "9", "--json", json.toString(), Throws.class.getName());

        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("FAILED in the observation round (no noise) (strategy none, seed 9)"), run.out);
        assertTrue(run.out.contains("the bug showed with the agent's hooks alone"), run.out);
        assertTrue(run.out.contains("--strategy none --seed 9 --rounds 1"), run.out);
        assertTrue(run.out.contains("this round without noise failed again in 5 of 5 replays"), run.out);
        assertTrue(run.out.contains("no jostled round ran after the observation round failed"), run.out);
        String text = Files.readString(json);
        assertTrue(text.contains("\"phase\": \"observation\""), text);
        assertTrue(text.contains("\"replays\": 5") && text.contains("\"failedAgain\": 5"), text);
    }

    @Test
    void threadDiesInARound_run_exits1NamingTheThread() {
        Run run = hunt("--strategy", "none", ThrowsInThread.class.getName());

        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("exception in a thread in thread \"checker\""), run.out);
        assertTrue(run.out.contains("worker saw a broken invariant"), run.out);
    }

    @Test
    void assertInProgram_run_isEnabledByDefault() {
        Run run = hunt("--strategy", "none", AssertsFalse.class.getName());

        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("assertions are enabled"), run.out);
    }

    @Test
    void assertInProgram_runWithDisableAssertions_passes() {
        Run run = hunt("--strategy", "none", "--rounds", "5", "--disable-assertions", AssertsFalse.class.getName());

        assertEquals(0, run.status, run.out + run.err);
    }

    @Test
    void failure_runWithJson_writesTheSameFacts(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("nested/result.json");

        Run run = hunt("--strategy", "pct", "--seed", "31", "--parallel", "1", "--json", json.toString(), Throws.class.getName());

        assertEquals(1, run.status, run.out + run.err);
        String text = Files.readString(json);
        assertTrue(text.contains("\"found\": true"), text);
        assertTrue(text.contains("\"kind\": \"exception\""), text);
        assertTrue(text.contains("\"message\": \"exception in thread \\\"main\\\": java.lang.IllegalStateException: boom from main\""), text);
        assertTrue(text.contains("boom from main"), text);
        assertTrue(text.contains("\"strategy\": \"pct\""), text);
        assertTrue(text.contains("\"seed\": 31"), text);
        assertTrue(text.contains("\"rounds\": 1"), text);
        assertTrue(text.contains("\"elapsedMillis\": "), text);
        assertTrue(text.contains("\"timeToFirstFailureMillis\": "), text);
        assertTrue(text.contains("\"replay\": \"cd ") && text.contains(" && java ") && text.contains(" -jar "), text);
        assertTrue(text.contains("\"phase\": \"jostled\""), text);
        assertTrue(text.contains("\"replays\": 5") && text.contains("\"failedAgain\": 5"), text);
    }

    @Test
    void racyProgramWhoseRoundsAllPass_run_exits0AndReportsTheRaceApart(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");

        Run run = hunt("--rounds", "20", "--strategy", "none", "--json", json.toString(),
                dev.jostle.programs.fixtures.RacesButPasses.class.getName());

        assertEquals(0, run.status, "races do not change the exit status: " + run.out + run.err);
        assertTrue(run.out.contains("jostle hunt: 1 data race"), run.out);
        assertTrue(run.out.contains("data race on dev.jostle.programs.fixtures.RacesButPasses.owner"), run.out);
        String text = Files.readString(json);
        assertTrue(text.contains("\"found\": false"), text);
        assertTrue(text.contains("\"races\": 1"), text);
        assertTrue(text.contains("RacesButPasses.owner"), text);
    }

    @Test
    void racyProgramStartingItsThreadsByMethodReference_run_reportsTheRace() {
        Run run = hunt("--rounds", "5", "--strategy", "none",
                dev.jostle.programs.fixtures.RacesStartedByReference.class.getName());

        assertEquals(0, run.status, run.out + run.err);
        assertTrue(run.out.contains("data race on dev.jostle.programs.fixtures.RacesStartedByReference.owner"),
                "Thread::start seen through its bridge, not taken for a pool worker's start: " + run.out);
    }

    @Test
    void racyProgram_runWithNoRaces_reportsNone(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");

        Run run = hunt("--rounds", "20", "--strategy", "none", "--no-races", "--json", json.toString(),
                dev.jostle.programs.fixtures.RacesButPasses.class.getName());

        assertEquals(0, run.status, run.out + run.err);
        assertFalse(run.out.contains("data race"), run.out);
        assertTrue(Files.readString(json).contains("\"racesLookedFor\": false"));
    }

    @Test
    void noFailure_runWithJson_saysNotFound(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");

        Run run = hunt("--strategy", "none", "--rounds", "3", "--seed", "4", "--json", json.toString(),
                Passes.class.getName());

        assertEquals(0, run.status, run.out + run.err);
        String text = Files.readString(json);
        assertTrue(text.contains("\"found\": false"), text);
        assertTrue(text.contains("\"kind\": null"), text);
        assertTrue(text.contains("\"rounds\": 3"), text);
        assertTrue(text.contains("\"timeToFirstFailureMillis\": null"), text);
    }

    private static Run hunt(String... args) {
        return huntWith(List.of("-cp", TestPrograms.classPath()), args);
    }

    private static Run huntWith(List<String> first, String... args) {
        List<String> argv = new ArrayList<>(first);
        if (args.length > 0 && !List.of(args).contains("--time")) {
            argv.add("--time");
            argv.add("20s");
        }
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HuntCommand.run(argv.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final class Run {
        final int status;
        final String out;
        final String err;

        Run(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }
    }
}
