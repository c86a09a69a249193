package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.engine.Shard;
import dev.jostle.programs.fixtures.Passes;
import dev.jostle.programs.fixtures.Throws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge FILE...}: hunt --json results as one verdict, and input that does not belong together refused. */
class MergeCommandTests {

    @TempDir
    Path dir;

    @Test
    void everyShardPassed_merge_exits0WithTheRoundsSummedInShardOrder() throws Exception {
        List<String> files = List.of(shard(3, 4, 100), shard(1, 4, 110), shard(4, 4, 120), shard(2, 4, 130));

        Run run = merge(files);

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.startsWith("jostle merge: no failure in 4 shards of com.acme.Main, 460 rounds in all"
                + " (strategy mixed, seed 42)\n"), run.toString());
        assertTrue(run.out.indexOf("shard 1/4: no failure in 110 rounds (round seeds from 42)")
                < run.out.indexOf("shard 2/4: no failure in 130 rounds (round seeds from 1000000000000042)"), run.out);
        assertTrue(run.out.contains("shard 4/4: no failure in 120 rounds"), run.out);
    }

    @Test
    void oneShardFound_merge_exits1WithItsFailureAndReplayLine() throws Exception {
        Path out = dir.resolve("out/merged.json");
        List<String> files = List.of(shard(1, 3, 100), found(shard(2, 3, 7), 1_000_000_000_000_048L),
                shard(3, 3, 100));

        Run run = merge("--json", out.toString(), files);

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.startsWith("jostle merge: FAILED in 1 of 3 shards of com.acme.Main, 207 rounds in all"),
                run.out);
        assertTrue(run.out.contains("shard 2/3: FAILED, exception: exception in thread \"main\": boom"
                + " (round 6, seed 1000000000000048)"), run.out);
        assertTrue(run.out.contains("    replay: java -jar jostle.jar hunt --strategy random --seed 1000000000000048"
                + " --rounds 1 com.acme.Main"), run.out);
        assertTrue(run.out.contains("    this seed failed again in 5 of 5 replays"), run.out);
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertTrue(json.get("found").getAsBoolean());
        assertEquals(207, json.get("rounds").getAsLong());
        assertEquals("exception", json.get("kind").getAsString(), "hunt's fields, from the first failure");
        assertEquals(1_000_000_000_000_048L, json.get("roundSeed").getAsLong());
        assertEquals(3, json.get("shards").getAsInt());
        assertEquals(3, json.getAsJsonArray("merged").size());
        JsonArray failures = json.getAsJsonArray("failures");
        assertEquals(1, failures.size());
        assertEquals("2/3", failures.get(0).getAsJsonObject().get("shard").getAsString());
        assertTrue(failures.get(0).getAsJsonObject().get("replay").getAsString().contains("--seed 1000000000000048"));
    }

    @Test
    void shardsHuntedWithFailOnOutput_merge_carriesThePatternIntoTheVerdictAndTheJson() throws Exception {
        Path out = dir.resolve("merged.json");
        JsonObject first = hunt("1/2", 42, 10);
        first.addProperty("failOnOutput", "VERDICT: (FAIL|LOST)");
        JsonObject second = hunt("2/2", 42, 10);
        second.addProperty("failOnOutput", "VERDICT: (FAIL|LOST)");

        Run run = merge("--json", out.toString(), List.of(write("s1.json", first), write("s2.json", second)));

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.startsWith("jostle merge: no failure in 2 shards of com.acme.Main, 20 rounds in all"
                + " (strategy mixed, seed 42, --fail-on-output 'VERDICT: (FAIL|LOST)')"), run.out);
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals("VERDICT: (FAIL|LOST)", json.get("failOnOutput").getAsString(), json.toString());
        assertEquals("VERDICT: (FAIL|LOST)", json.getAsJsonArray("merged").get(1).getAsJsonObject()
                .get("failOnOutput").getAsString(), json.toString());
    }

    @Test
    void twoShardsFound_merge_listsBothFailures() throws Exception {
        Path out = dir.resolve("merged.json");
        List<String> files = List.of(found(shard(2, 2, 3), 1_000_000_000_000_044L), found(shard(1, 2, 5), 46));

        Run run = merge("--json=" + out, files);

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("FAILED in 2 of 2 shards"), run.out);
        assertTrue(run.out.indexOf("--seed 46 ") < run.out.indexOf("--seed 1000000000000044 "), run.out);
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(2, json.getAsJsonArray("failures").size());
        assertEquals(46, json.get("roundSeed").getAsLong(), "the first shard's failure heads the result");
        assertEquals(102, json.get("timeToFirstFailureMillis").getAsLong(),
                "the earlier of the two: shard 2 found its own first");
    }

    @Test
    void twoShardsFound_mergeWithJson_putsTheSeedThatReplaysBestFirst() throws Exception {
        Path out = dir.resolve("merged.json");
        List<String> files = List.of(found(shard(1, 2, 3), 44, 1), found(shard(2, 2, 5), 1_000_000_000_000_046L, 5));

        Run run = merge("--json", out.toString(), files);

        assertEquals(1, run.status, run.toString());
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertEquals(1_000_000_000_000_046L, json.get("roundSeed").getAsLong(), "5 of 5 replays beat 1 of 5");
        assertEquals(44, json.getAsJsonArray("failures").get(0).getAsJsonObject().get("roundSeed").getAsLong(),
                "the list stays in shard order");
    }

    @Test
    void theSameRaceInTwoShards_merge_reportsItOnce() throws Exception {
        String race = "data race on com.acme.Main.count\n  write at ...";
        List<String> files = List.of(withRaces(shard(1, 2, 10), race), withRaces(shard(2, 2, 10), race, "another"));

        Run run = merge(files);

        assertEquals(0, run.status, "races do not change the verdict: " + run);
        assertTrue(run.out.contains("jostle merge: 2 data races"), run.out);
        assertEquals(run.out.indexOf("data race on com.acme.Main.count"),
                run.out.lastIndexOf("data race on com.acme.Main.count"), run.out);
    }

    @Test
    void unshardedHunts_merge_countsEachAsItsOwnSearch() throws Exception {
        Run run = merge(List.of(write("a.json", hunt(null, 7, 50)), write("b.json", hunt(null, 9000, 60))));

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.startsWith("jostle merge: no failure in 2 hunts of com.acme.Main, 110 rounds in all\n"),
                run.out);
    }

    @Test
    void missingFile_merge_exits2NamingIt() throws Exception {
        Run run = merge(List.of(shard(1, 2, 10), dir.resolve("nope.json").toString()));

        assertEquals(2, run.status, run.toString());
        assertEquals("jostle merge: cannot read " + dir.resolve("nope.json") + ": no such file\n", run.err);
        assertEquals("", run.out, "no verdict from input that could not be read");
    }

    @Test
    void notJson_merge_exits2() throws Exception {
        Run run = merge(List.of(Files.writeString(dir.resolve("log.txt"), "jostle hunt: no failure {").toString()));

        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.startsWith("jostle merge: " + dir.resolve("log.txt") + " is not JSON ("), run.err);
    }

    @Test
    void jsonThatIsNotAHuntResult_merge_exits2NamingWhatIsMissing() throws Exception {
        Run run = merge(List.of(Files.writeString(dir.resolve("x.json"), "{\"rounds\": 3}").toString()));

        assertEquals(2, run.status, run.toString());
        assertEquals("jostle merge: " + dir.resolve("x.json") + " is not a hunt --json result: no 'found' (true or"
                + " false)\n", run.err);
    }

    @Test
    void mismatchedResults_merge_exits2SayingWhy() throws Exception {
        JsonObject otherProgram = hunt("1/2", 42, 10);
        otherProgram.addProperty("mainClass", "com.acme.Other");
        assertRefused("hunted com.acme.Other but", "merge takes the results of one program",
                shard(1, 2, 10), write("other.json", otherProgram));

        assertRefused("ran from base seed 43 but", "the shards of one hunt share --seed",
                shard(1, 2, 10), write("seed43.json", hunt("2/2", 43, 10)));

        assertRefused("is shard 2/3 but", "the shards of one hunt share N", shard(1, 2, 10), shard(2, 3, 10));

        JsonObject pct = hunt("2/2", 42, 10);
        pct.addProperty("strategy", "pct");
        assertRefused("ran under strategy pct but", "share --strategy", shard(1, 2, 10), write("pct.json", pct));

        JsonObject output = hunt("2/2", 42, 10);
        output.addProperty("failOnOutput", "FAIL");
        assertRefused("failed rounds on output matching 'FAIL' but", "the shards of one hunt share --fail-on-output",
                shard(1, 2, 10), write("output.json", output));

        assertRefused("are both shard 2/2", "its rounds would count twice", shard(2, 2, 10),
                write("again.json", hunt("2/2", 42, 10)));

        assertRefused("no result for shard 2/4, 4/4", "part of the seeds went unsearched", shard(1, 4, 10),
                shard(3, 4, 10));

        assertRefused("is not a shard (its hunt had no --shard) but", "either the shards of one hunt or unsharded",
                shard(1, 2, 10), shard(2, 2, 10), write("whole.json", hunt(null, 42, 10)));

        assertRefused("searched the same seeds (seed 7, strategy mixed)", "would count twice",
                write("a.json", hunt(null, 7, 10)), write("b.json", hunt(null, 7, 10)));
    }

    @Test
    void badArguments_merge_exits2() throws Exception {
        Run none = merge(List.of());
        assertEquals(2, none.status);
        assertTrue(none.err.contains("no results to merge"), none.err);

        Run unknown = merge("--jsn", List.of("a.json"));
        assertEquals(2, unknown.status);
        assertTrue(unknown.err.contains("unknown option '--jsn'"), unknown.err);

        Run noValue = merge(List.of(shard(1, 1, 1), "--json"));
        assertEquals(2, noValue.status);
        assertTrue(noValue.err.contains("--json needs a value"), noValue.err);
    }

    @Test
    void help_merge_printsTheUsageAndExits0() {
        Run run = merge("--help", List.of());

        assertEquals(0, run.status);
        assertTrue(run.out.contains("usage: java -jar jostle.jar merge [--json OUT] FILE..."), run.out);
    }

    @Test
    void resultsWrittenByHunt_merge_readsThem() throws Exception {
        // What hunt itself writes, not a copy of its format: two shards, one of a program that always fails.
        Path passes = dir.resolve("passes.json");
        Path fails = dir.resolve("fails.json");
        assertEquals(0, hunt("--shard", "1/2", "--rounds", "3", "--json", passes.toString(), Passes.class.getName()));
        assertEquals(1, hunt("--shard", "2/2", "--rounds", "3", "--json", fails.toString(), Throws.class.getName()));

        Run run = merge(List.of(passes.toString(), fails.toString()));

        assertEquals(2, run.status, "two programs: " + run);

        Path failsToo = dir.resolve("fails-1.json");
        assertEquals(1, hunt("--shard", "1/2", "--rounds", "3", "--json", failsToo.toString(), Throws.class.getName()));
        Run same = merge(List.of(failsToo.toString(), fails.toString()));

        assertEquals(1, same.status, same.toString());
        assertTrue(same.out.contains("shard 1/2: FAILED, exception: exception in thread \"main\":"
                + " java.lang.IllegalStateException: boom from main (round 0, seed 7)"), same.out);
        assertTrue(same.out.contains("shard 2/2: FAILED, exception: exception in thread \"main\":"
                + " java.lang.IllegalStateException: boom from main (round 0, seed " + new Shard(2, 2).firstSeed(7)
                + ")"), same.out);
        assertTrue(same.out.contains("--seed " + new Shard(2, 2).firstSeed(7) + " --rounds 1"), same.out);
    }

    private void assertRefused(String problem, String why, String... files) {
        Run run = merge(List.of(files));

        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.startsWith("jostle merge: ") && run.err.contains(problem) && run.err.contains(why),
                "expected '" + problem + "' and '" + why + "' in: " + run.err);
    }

    private static int hunt(String... args) {
        List<String> argv = new ArrayList<>(List.of("-cp", TestPrograms.classPath(), "--time", "60s", "--seed", "7",
                "--strategy", "random", "--parallel", "1", "--replays", "1"));
        argv.addAll(List.of(args));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return HuntCommand.run(argv.toArray(new String[0]), quiet, quiet);
    }

    /** A passing shard's result, written as hunt writes it, with base seed 42 and strategy mixed. */
    private String shard(int index, int count, long rounds) throws Exception {
        return write("shard-" + index + "-of-" + count + ".json", hunt(index + "/" + count, 42, rounds));
    }

    private static JsonObject hunt(String shard, long seed, long rounds) {
        JsonObject json = new JsonObject();
        json.addProperty("found", false);
        json.addProperty("mainClass", "com.acme.Main");
        json.addProperty("strategy", "mixed");
        json.addProperty("seed", seed);
        json.addProperty("shard", shard);
        json.addProperty("firstRoundSeed", shard == null ? seed : Shard.parse(shard).firstSeed(seed));
        json.addProperty("rounds", rounds);
        json.addProperty("elapsedMillis", 1000);
        json.add("timeToFirstFailureMillis", null);
        json.addProperty("racesLookedFor", true);
        json.addProperty("races", 0);
        json.add("raceReports", new JsonArray());
        json.add("kind", null);
        json.add("message", null);
        return json;
    }

    /** The same result, now with a failure at {@code roundSeed} whose seed failed again in 5 of 5 replays. */
    private String found(String file, long roundSeed) throws Exception {
        return found(file, roundSeed, 5);
    }

    private String found(String file, long roundSeed, int failedAgain) throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(Path.of(file))).getAsJsonObject();
        long round = roundSeed - json.get("firstRoundSeed").getAsLong();
        json.addProperty("found", true);
        json.addProperty("kind", "exception");
        json.addProperty("message", "exception in thread \"main\": boom");
        json.addProperty("thread", "main");
        json.addProperty("round", round);
        json.addProperty("roundStrategy", "random");
        json.addProperty("roundSeed", roundSeed);
        json.addProperty("replay", "java -jar jostle.jar hunt --strategy random --seed " + roundSeed
                + " --rounds 1 com.acme.Main");
        json.addProperty("replays", 5);
        json.addProperty("failedAgain", failedAgain);
        json.addProperty("timeToFirstFailureMillis", 100 + round);
        return write(Path.of(file).getFileName().toString(), json);
    }

    private String withRaces(String file, String... races) throws Exception {
        JsonObject json = JsonParser.parseString(Files.readString(Path.of(file))).getAsJsonObject();
        JsonArray reports = new JsonArray();
        for (String race : races) {
            reports.add(race);
        }
        json.addProperty("races", races.length);
        json.add("raceReports", reports);
        return write(Path.of(file).getFileName().toString(), json);
    }

    private String write(String name, JsonObject json) throws Exception {
        String text = new GsonBuilder().serializeNulls().setPrettyPrinting().create().toJson(json);
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static Run merge(List<String> files) {
        return merge(null, files);
    }

    private static Run merge(String option, List<String> files) {
        List<String> argv = new ArrayList<>();
        if (option != null) {
            argv.add(option);
        }
        argv.addAll(files);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = MergeCommand.run(argv.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run merge(String option, String value, List<String> files) {
        List<String> argv = new ArrayList<>(List.of(option, value));
        argv.addAll(files);
        return merge(null, argv);
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

        @Override
        public String toString() {
            return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
