package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.FailsFirstInItsJvmAtSeed;
import dev.jostle.programs.fixtures.FailsOncePerJvm;
import dev.jostle.programs.fixtures.KillsItsJvm;
import dev.jostle.programs.fixtures.RecordsSeed;
import dev.jostle.programs.fixtures.WritesFixedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt --forks N}: rounds in child JVMs, each in a directory of its own, replaced when suspect. */
class ForksIT {

    @Test
    void programLockingItsDirectory_inProcessTwoAtOnce_collides_inTwoForks_passes(@TempDir Path dir)
            throws Exception {
        JostleJar.Result inProcess = JostleJar.runIn(dir, hunt(WritesFixedFile.class, "--parallel", "2",
                "--rounds", "40", "--replays", "0"));
        JostleJar.Result forked = JostleJar.runIn(dir, hunt(WritesFixedFile.class, "--forks", "2",
                "--rounds", "40", "--replays", "0"));

        // Not a bug of the program: two rounds in one directory at once.
        assertEquals(1, inProcess.status, inProcess.toString());
        assertTrue(inProcess.out.contains("FileAlreadyExistsException"), inProcess.toString());
        assertTrue(inProcess.out.contains("jostle hunt: hint: rounds ran 2 at once in one JVM and wrote into the"
                + " working directory (jostle-fixture.lock); if they collided there, this is no bug of the program:"
                + " hunt with --forks 2"), inProcess.toString());
        assertEquals(0, forked.status, forked.toString());
        assertTrue(forked.out.contains("no failure in 40 rounds"), forked.toString());
        assertTrue(forked.out.contains(", 2 forks"), forked.toString());
        assertFalse(Files.exists(dir.resolve("jostle-fixture.lock")), "the forks ran elsewhere");
    }

    @Test
    void twoForks_hunt_runRoundIUnderSeedBasePlusIWhicheverForkRunsIt(@TempDir Path dir) throws Exception {
        Path seeds = dir.resolve("seeds.txt");

        JostleJar.Result result = JostleJar.runIn(dir, hunt(RecordsSeed.class, "--forks", "2", "--fork-rounds", "3",
                "--rounds", "20", seeds.toString()));

        assertEquals(0, result.status, result.toString());
        List<Long> ran = Files.readAllLines(seeds).stream().map(Long::valueOf).sorted().collect(Collectors.toList());
        assertEquals(LongStream.range(100, 120).boxed().collect(Collectors.toList()), ran,
                "seeds 100 to 119, each once, across 2 forks replaced every 3 rounds");
    }

    @Test
    void failedRound_forked_theForkIsReplacedSoItsReplaysRunInFreshJvms(@TempDir Path dir) throws Exception {
        Path inProcessJson = dir.resolve("in-process.json");
        Path forkedJson = dir.resolve("forked.json");

        JostleJar.Result inProcess = JostleJar.runIn(dir, hunt(FailsOncePerJvm.class, "--parallel", "1",
                "--rounds", "5", "--replays", "3", "--json", inProcessJson.toString()));
        JostleJar.Result forked = JostleJar.runIn(dir, hunt(FailsOncePerJvm.class, "--forks", "1",
                "--rounds", "5", "--replays", "3", "--json", forkedJson.toString()));

        JsonObject same = JsonParser.parseString(Files.readString(inProcessJson)).getAsJsonObject();
        assertEquals(1, inProcess.status, inProcess.toString());
        assertEquals(0, same.get("failedAgain").getAsInt(), "in its own JVM the flag it left hides the failure: "
                + same);
        JsonObject fresh = JsonParser.parseString(Files.readString(forkedJson)).getAsJsonObject();
        assertEquals(1, forked.status, forked.toString());
        assertEquals(1, fresh.get("forks").getAsInt(), fresh.toString());
        assertEquals(3, fresh.get("replays").getAsInt(), fresh.toString());
        assertEquals(3, fresh.get("failedAgain").getAsInt(), "each replay ran in a fresh fork: " + fresh);
        assertTrue(forked.out.contains("java.lang.IllegalStateException: the first run in this JVM fails"),
                forked.toString());
        String replay = fresh.get("replay").getAsString();
        assertTrue(replay.contains(" --forks 1 "), replay);

        JostleJar.Result replayed = JostleJar.runLine(replay);

        assertEquals(1, replayed.status, "the replay line runs the round in a fork, as it ran: " + replayed);
    }

    @Test
    void roundThatFailsOnlyInAFreshJvm_twoForks_everyReplayRunsInAFreshForkAsTheRoundDid(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("result.json");

        // Round 0 fails in the fork it starts; the other fork runs round 1 meanwhile, and lives on with that.
        JostleJar.Result run = JostleJar.runIn(dir, hunt(FailsFirstInItsJvmAtSeed.class, "--forks", "2",
                "--rounds", "20", "--replays", "3", "--json", json.toString(), "100"));

        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(1, run.status, run.toString());
        assertEquals(100, result.get("roundSeed").getAsLong(), result.toString());
        assertEquals(3, result.get("replays").getAsInt(), result.toString());
        assertEquals(3, result.get("failedAgain").getAsInt(), "no replay ran in the fork other rounds had used: "
                + result);
    }

    @Test
    void programKillingItsJvm_forked_isReportedAsTheForksDeath(@TempDir Path dir) throws Exception {
        JostleJar.Result result = JostleJar.runIn(dir, hunt(KillsItsJvm.class, "--forks", "1", "--rounds", "3",
                "--replays", "0"));

        assertEquals(1, result.status, result.toString());
        assertTrue(result.out.contains("the fork's JVM ended during the round with exit status 137"), result.toString());
    }

    private static List<String> hunt(Class<?> program, String... options) {
        List<String> args = new ArrayList<>(List.of("hunt", "-cp", Path.of(JostleJar.testClasses()).toAbsolutePath()
                .toString(), "--strategy", "random", "--seed", "100", "--time", "100s"));
        int main = options.length;
        // options first; a word after a lone path (not an option's value) is the program's argument
        List<String> programArgs = new ArrayList<>();
        for (int i = 0; i < options.length; i++) {
            if (!options[i].startsWith("--") && (i == 0 || !options[i - 1].startsWith("--"))) {
                main = i;
                break;
            }
        }
        args.addAll(List.of(options).subList(0, main));
        args.add(program.getName());
        programArgs.addAll(List.of(options).subList(main, options.length));
        args.addAll(programArgs);
        return args;
    }
}
