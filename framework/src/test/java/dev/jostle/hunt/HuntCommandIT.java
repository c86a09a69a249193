package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.Deadlocks;
import dev.jostle.programs.fixtures.ExhaustsFileDescriptors;
import dev.jostle.programs.fixtures.ExitsInThread;
import dev.jostle.programs.fixtures.ExitsWith0;
import dev.jostle.programs.fixtures.ExitsWith3;
import dev.jostle.programs.fixtures.Hangs;
import dev.jostle.programs.fixtures.NeedsJvmOptions;
import dev.jostle.programs.fixtures.Passes;
import dev.jostle.programs.fixtures.TakesTwoSeconds;
import dev.jostle.programs.fixtures.Throws;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code java -jar jostle.jar hunt} as a user runs it: a child JVM with the agent started by the jar. */
class HuntCommandIT {

    /** Generous room for starting and ending the child JVM on a busy machine, outside the hunt's own budget. */
    private static final Duration JVM_START = Duration.ofSeconds(8);

    @Test
    void passingProgram_hunt_exits0WithoutProgressNoise() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "1s",
                Passes.class.getName());

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("jostle hunt: no failure in "), run.toString());
        assertFalse(run.out.contains("\r") || run.err.contains("\r"), "no progress line without a terminal: " + run);
        assertFalse(run.err.contains("agent is not running"), "the jar starts the agent itself: " + run);
    }

    @Test
    void slowPassingProgram_huntOf3s_endsWithinItsTimePlusARoundTimeout() throws Exception {
        long start = System.nanoTime();
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "3s",
                "--round-timeout", "3s", TakesTwoSeconds.class.getName());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(0, run.status, run.toString());
        assertTrue(took.compareTo(Duration.ofSeconds(3 + 3).plus(JVM_START)) < 0, "took " + took + ": " + run);
    }

    @Test
    void slowFailingProgramWithManyReplays_huntOf3s_endsWithinItsTimePlusARoundTimeout() throws Exception {
        // Ten replays of two seconds each would take 20 s: they must stop where the hunt's time does.
        long start = System.nanoTime();
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "3s",
                "--round-timeout", "3s", "--replays", "10", "--strategy", "random", TakesTwoSeconds.class.getName(),
                "fails");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("java.lang.AssertionError: fails"), run.toString());
        assertTrue(took.compareTo(Duration.ofSeconds(3 + 3).plus(JVM_START)) < 0, "took " + took + ": " + run);
    }

    @Test
    void deadlockingProgram_hunt_namesTheDeadlockAndEndsDespiteItsThreads() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--round-timeout", "3s",
                "--strategy", "none", Deadlocks.class.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("deadlock: "), run.toString());
        assertTrue(run.out.contains("\"left-then-right\" waits for"), run.toString());
        assertTrue(run.out.contains("held by \"right-then-left\""), run.toString());
        assertTrue(run.out.contains("Deadlocks.lockBoth(Deadlocks.java:"), "stacks are shown: " + run);
    }

    @Test
    void hangingProgram_hunt_reportsATimeoutWithTheStacks() throws Exception {
        // Not too short: a first round on a busy machine can spend half a second linking method handles.
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--round-timeout", "2500ms",
                "--strategy", "none", "--parallel", "1", Hangs.class.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("timeout: java.lang.AssertionError: round did not finish within 2500ms"),
                run.toString());
        assertTrue(run.out.contains("\"waits-forever\" WAITING"), run.toString());
        assertTrue(run.out.contains("give it more time: --round-timeout 8s."), "hunt's own option: " + run);
    }

    @Test
    void throwingProgram_hunt_printsAReplayLineThatFailsTheSameWay(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--strategy", "random",
                "--json", json.toString(), Throws.class.getName(), "it's", "two words");

        assertEquals(1, run.status, run.toString());
        String replay = replayLine(run);
        assertTrue(replay.startsWith("cd " + Replay.quote(Path.of("").toAbsolutePath().toString()) + " && java -jar "),
                replay);
        assertTrue(replay.endsWith(Throws.class.getName() + " 'it'\\''s' 'two words'"), replay);
        assertTrue(Files.readString(json).contains("\"replay\": "), "the JSON carries it too");

        JostleJar.Result again = JostleJar.runLine(replay);

        assertEquals(1, again.status, again.toString());
        assertTrue(again.out.contains("about to fail with args it's,two words"), again.toString());
        assertTrue(again.out.contains("at " + Throws.class.getName() + ".main(Throws.java:"), again.toString());
    }

    @Test
    void programFailsOnlyUnderTheHuntsJvmOptions_replayLine_repeatsThemAndFailsAgain() throws Exception {
        JostleJar.Result run = JostleJar.run(
                List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-Djostle.fixture.fail=yes", "-Xmx256m"),
                List.of("hunt", "-cp", JostleJar.testClasses(), "--strategy", "random", "--rounds", "5",
                        NeedsJvmOptions.class.getName()));

        assertEquals(1, run.status, run.toString());
        String replay = replayLine(run);
        assertTrue(replay.contains(" java --add-opens=java.base/java.lang=ALL-UNNAMED -Djostle.fixture.fail=yes -jar "),
                replay);
        assertFalse(replay.contains("-Xmx") || replay.contains("-javaagent"), "only the options that matter: " + replay);

        JostleJar.Result again = JostleJar.runLine(replay);

        assertEquals(1, again.status, again.toString());
        assertTrue(again.out.contains("failed with the hunt's -D and --add-opens"), again.toString());
    }

    private static String replayLine(JostleJar.Result run) {
        return run.out.lines().dropWhile(line -> !line.startsWith("replay this round")).skip(1).findFirst()
                .orElseThrow(() -> new AssertionError("no replay line: " + run)).trim();
    }

    /**
     * Under mixed the observation round fails; under random the numbered rounds do, two at once, and their
     * replays run while the leaked descriptors are still open. Either way the hunt's own work after the failure
     * (looking for a deadlock, the report, the JSON) must not need a descriptor the program took.
     */
    @ParameterizedTest
    @ValueSource(strings = {"mixed", "random"})
    void programUsesUpTheFileDescriptors_hunt_exits1AndWritesTheJson(String strategy, @TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("result.json");
        List<String> command = new ArrayList<>(List.of("sh", "-c", "ulimit -n 400 && exec \"$0\" \"$@\"",
                JostleJar.java(), "-jar", JostleJar.jar().toString(), "hunt", "-cp", JostleJar.testClasses(),
                "--strategy", strategy, "--parallel", "2", "--rounds", "20", "--json", json.toString(),
                ExhaustsFileDescriptors.class.getName()));

        JostleJar.Result run = JostleJar.exec(command);

        assertEquals(1, run.status, "a failure was found, whatever happened after it: " + run);
        assertTrue(run.out.contains("Too many open files"), run.toString());
        assertTrue(run.out.contains("replay this round"), run.toString());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertTrue(result.get("found").getAsBoolean(), result.toString());
        assertTrue(result.get("message").getAsString().contains("Too many open files"), result.toString());
    }

    @Test
    void programCallsSystemExit3_hunt_reportsTheExitAsTheRoundsFailure() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--strategy", "random",
                "--seed", "5", ExitsWith3.class.getName());

        assertEquals(1, run.status, "the hunt, not the program, decides the JVM's exit status: " + run);
        assertTrue(run.out.contains("non-zero exit in thread \"main\": dev.jostle.agent.bootstrap.RoundExit:"
                + " System.exit(3) was called"), run.toString());
        assertTrue(run.out.contains("at " + ExitsWith3.class.getName() + ".main(ExitsWith3.java:"),
                "where it exited: " + run);
        assertTrue(run.out.contains("  | giving up"), run.toString());
    }

    @Test
    void threadCallsSystemExitWhileMainWaits_hunt_endsTheRoundAtTheExit() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--strategy", "none",
                "--round-timeout", "30s", ExitsInThread.class.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("non-zero exit in thread \"quitter\""), run.toString());
        assertTrue(run.out.contains("System.exit(4) was called"), run.toString());
    }

    @Test
    void programCallsSystemExit0WithAThreadStillRunning_hunt_countsEveryRoundAsPassed() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--strategy", "mixed",
                "--rounds", "20", "--round-timeout", "30s", ExitsWith0.class.getName());

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("no failure in 20 rounds"), run.toString());
    }

    @Test
    void missingClass_hunt_exits2() throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "com.acme.Nope");

        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.contains("class not found: com.acme.Nope"), run.toString());
    }

    @Test
    void noCommand_jar_exits2WithUsage() throws Exception {
        JostleJar.Result run = JostleJar.run();

        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.contains("usage: java -jar jostle.jar COMMAND"), run.toString());
    }
}
