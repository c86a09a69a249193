package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.engine.Shard;
import dev.jostle.programs.fixtures.RecordsSeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt --shard K/N}: the option, and the seeds a shard's rounds really run under (hunted in this JVM). */
class HuntShardTests {

    @Test
    void shardOption_parse_readsKOfN() throws Exception {
        HuntOptions options = HuntArguments.parse("--seed", "42", "--shard", "2/4", "Main");

        assertEquals(new Shard(2, 4), options.shard());
        assertEquals(42, options.seed(), "the base seed stays as given: every shard reports the same");
        assertEquals(new Shard(2, 4).firstSeed(42), options.firstSeed());
    }

    @Test
    void noShardOption_parse_searchesTheWholeSeedSpaceFromTheBaseSeed() throws Exception {
        HuntOptions options = HuntArguments.parse("--seed", "42", "Main");

        assertEquals(Shard.WHOLE, options.shard());
        assertEquals(42, options.firstSeed());
    }

    @Test
    void badShards_parse_nameTheOptionAndTheValue() {
        assertUsage("--shard '0/4': K must be between 1 and N (4), not 0", "--seed", "1", "--shard", "0/4", "Main");
        assertUsage("--shard '5/4': K must be between 1 and N (4), not 5", "--seed", "1", "--shard", "5/4", "Main");
        assertUsage("--shard '1/0': N must be between 1 and 1024, not 0", "--seed", "1", "--shard", "1/0", "Main");
        assertUsage("--shard 'x': expected K/N (shard K of N, counted from 1), such as 2/4", "--seed", "1",
                "--shard=x", "Main");
        assertUsage("--shard needs a value", "--shard");
    }

    @Test
    void shardWithoutSeed_parse_asksForTheSharedSeed() {
        assertUsage("--shard 2/4 needs --seed: the shards must share a base seed", "--shard", "2/4", "Main");
    }

    @Test
    void oneShardOfOne_parse_needsNoSeed() throws Exception {
        assertEquals(Shard.WHOLE, HuntArguments.parse("--shard", "1/1", "Main").shard());
    }

    @Test
    void help_usage_listsTheShardOption() {
        assertTrue(HuntArguments.usage().contains("--shard K/N"), HuntArguments.usage());
    }

    @Test
    void shard_hunt_runsItsRoundsUnderItsOwnSeeds(@TempDir Path dir) throws Exception {
        Path seeds = dir.resolve("seeds.txt");
        Path json = dir.resolve("shard.json");

        Run run = hunt("--seed", "1000", "--shard", "3/4", "--rounds", "12", "--json", json.toString(),
                RecordsSeed.class.getName(), seeds.toString());

        assertEquals(0, run.status, run.out + run.err);
        long first = new Shard(3, 4).firstSeed(1000);
        assertEquals(LongStream.range(first, first + 12).boxed().collect(Collectors.toList()),
                Files.readAllLines(seeds).stream().map(Long::valueOf).sorted().collect(Collectors.toList()));
        assertTrue(run.out.contains("seed 1000, shard 3/4 (round seeds from " + first + ")"), run.out);
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(1000, result.get("seed").getAsLong());
        assertEquals("3/4", result.get("shard").getAsString());
        assertEquals(Long.toString(first), result.get("firstRoundSeed").getAsString(), "all 64 bits, exactly");
    }

    @Test
    void unsharded_huntWithJson_saysSoAndStartsAtTheBaseSeed(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("hunt.json");

        Run run = hunt("--seed", "1000", "--rounds", "2", "--json", json.toString(), RecordsSeed.class.getName(),
                dir.resolve("seeds.txt").toString());

        assertEquals(0, run.status, run.out + run.err);
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertTrue(result.get("shard").isJsonNull(), result.toString());
        assertEquals(1000, result.get("firstRoundSeed").getAsLong());
    }

    @Test
    void failureInAShard_hunt_printsAReplayLineWithTheRoundSeedAndNoShard(@TempDir Path dir) throws Exception {
        Path seeds = dir.resolve("seeds.txt");
        long failing = new Shard(2, 4).firstSeed(77) + 5;

        Run run = hunt("--seed", "77", "--shard", "2/4", "--rounds", "20", "--replays", "1",
                RecordsSeed.class.getName(), seeds.toString(), Long.toString(failing));

        assertEquals(1, run.status, run.out + run.err);
        assertTrue(run.out.contains("FAILED in round 5 (strategy random, seed " + failing + ")"), run.out);
        String replay = run.out.lines().dropWhile(line -> !line.startsWith("replay this round")).skip(1)
                .findFirst().orElseThrow(() -> new AssertionError("no replay line: " + run.out)).trim();
        assertTrue(replay.contains("--seed " + failing + " --rounds 1"), replay);
        assertFalse(replay.contains("--shard"), "the round's seed alone replays it: " + replay);
    }

    private static void assertUsage(String expected, String... argv) {
        UsageException bad = assertThrows(UsageException.class, () -> HuntArguments.parse(argv));
        assertTrue(bad.getMessage().contains(expected), "expected '" + expected + "' in: " + bad.getMessage());
    }

    private static Run hunt(String... args) {
        List<String> argv = new ArrayList<>(List.of("-cp", TestPrograms.classPath(), "--time", "60s",
                "--strategy", "random", "--parallel", "1"));
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
