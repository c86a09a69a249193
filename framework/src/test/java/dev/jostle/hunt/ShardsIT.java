package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.RecordsSeed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hunt split across machines as a CI matrix splits it: shards as separate {@code java -jar jostle.jar hunt}
 * processes, run at once, then {@code merge}. Which seeds each shard ran is read from the rounds themselves
 * ({@link RecordsSeed} writes its round's seed), not from the hunts' reports.
 */
class ShardsIT {

    private static final int SHARDS = 4;
    private static final int ROUNDS = 25;
    private static final String SEED = "20261204";

    @Test
    void fourShardProcesses_huntThenMerge_searchDisjointSeedsAndMergeIntoOneVerdict(@TempDir Path dir)
            throws Exception {
        List<JostleJar.Result> runs = runAtOnce(dir, null);

        List<Set<Long>> seeds = new ArrayList<>();
        for (int k = 1; k <= SHARDS; k++) {
            assertEquals(0, runs.get(k - 1).status, "shard " + k + ": " + runs.get(k - 1));
            List<Long> ran = seedsRan(dir, k);
            assertEquals(ROUNDS, ran.size(), "shard " + k + " ran one round per seed: " + ran);
            seeds.add(new HashSet<>(ran));
            assertEquals(ROUNDS, seeds.get(k - 1).size(), "shard " + k + " ran no seed twice: " + ran);
        }
        Set<Long> all = new HashSet<>();
        seeds.forEach(all::addAll);
        assertEquals(SHARDS * ROUNDS, all.size(), "no seed ran in two shards: " + seeds);
        assertEquals(range(Long.parseLong(SEED), ROUNDS), seeds.get(0),
                "shard 1 runs the seeds the unsharded hunt would");

        Path merged = dir.resolve("merged.json");
        JostleJar.Result merge = JostleJar.run(merge(dir, merged, 1, 2, 3, 4));

        assertEquals(0, merge.status, merge.toString());
        assertTrue(merge.out.startsWith("jostle merge: no failure in 4 shards of " + RecordsSeed.class.getName()
                + ", 100 rounds in all (strategy random, seed " + SEED + ")"), merge.toString());
        JsonObject json = JsonParser.parseString(Files.readString(merged)).getAsJsonObject();
        assertFalse(json.get("found").getAsBoolean(), json.toString());
        assertEquals(SHARDS * ROUNDS, json.get("rounds").getAsInt(), json.toString());
        assertEquals(SHARDS, json.get("shards").getAsInt(), json.toString());
        assertTrue(json.get("kind").isJsonNull(), json.toString());

        // Shard 3 again, now told to fail under its sixth seed: the merge finds it, and its replay line alone
        // (no --shard) brings back the same round.
        long chosen = seedsRan(dir, 3).get(5);
        Files.delete(dir.resolve("shard-3.json"));
        JostleJar.Result again = JostleJar.run(List.of(), hunt(dir, 3, Long.toString(chosen)));
        assertEquals(1, again.status, again.toString());

        JostleJar.Result found = JostleJar.run(merge(dir, merged, 1, 2, 3, 4));

        assertEquals(1, found.status, found.toString());
        assertTrue(found.out.startsWith("jostle merge: FAILED in 1 of 4 shards"), found.toString());
        assertTrue(found.out.contains("shard 3/4: FAILED, exception: exception in thread \"main\":"
                + " java.lang.IllegalStateException: the round under seed " + chosen + " fails, as asked (round 5,"
                + " seed " + chosen + ")"), found.toString());
        JsonObject failed = JsonParser.parseString(Files.readString(merged)).getAsJsonObject();
        assertTrue(failed.get("found").getAsBoolean(), failed.toString());
        assertEquals(1, failed.getAsJsonArray("failures").size(), failed.toString());
        String replay = failed.get("replay").getAsString();
        assertTrue(found.out.contains("    replay: " + replay), found.toString());
        assertFalse(replay.contains("--shard"), replay);

        List<Long> before = seedsRan(dir, 3);
        JostleJar.Result replayed = JostleJar.runLine(replay);

        assertEquals(1, replayed.status, replayed.toString());
        assertTrue(replayed.out.contains("FAILED in round 0 (strategy random, seed " + chosen + ")"),
                replayed.toString());
        List<Long> after = seedsRan(dir, 3);
        assertTrue(after.size() > before.size(), "the replay ran: " + replayed);
        assertEquals(Set.of(chosen), Set.copyOf(after.subList(before.size(), after.size())),
                "every round of the replay (and of its own replay check) ran under the failing seed");
    }

    /** Every shard at once, each in its own JVM, as the jobs of a CI matrix run. */
    private static List<JostleJar.Result> runAtOnce(Path dir, String failAt) throws Exception {
        ExecutorService jobs = Executors.newFixedThreadPool(SHARDS);
        try {
            List<Future<JostleJar.Result>> started = new ArrayList<>();
            for (int k = 1; k <= SHARDS; k++) {
                List<String> args = hunt(dir, k, failAt);
                started.add(jobs.submit(() -> JostleJar.run(List.of(), args)));
            }
            List<JostleJar.Result> results = new ArrayList<>();
            for (Future<JostleJar.Result> job : started) {
                results.add(job.get());
            }
            return results;
        } finally {
            jobs.shutdownNow();
        }
    }

    private static List<String> hunt(Path dir, int shard, String failAt) {
        List<String> args = new ArrayList<>(List.of("hunt", "-cp", JostleJar.testClasses(), "--strategy", "random",
                "--seed", SEED, "--shard", shard + "/" + SHARDS, "--rounds", Integer.toString(ROUNDS), "--time",
                "100s", "--parallel", "1", "--json", dir.resolve("shard-" + shard + ".json").toString(),
                RecordsSeed.class.getName(), dir.resolve("seeds-" + shard + ".txt").toString()));
        if (failAt != null) {
            args.add(failAt);
        }
        return args;
    }

    private static String[] merge(Path dir, Path out, int... shards) {
        List<String> args = new ArrayList<>(List.of("merge", "--json", out.toString()));
        for (int k : shards) {
            args.add(dir.resolve("shard-" + k + ".json").toString());
        }
        return args.toArray(new String[0]);
    }

    private static List<Long> seedsRan(Path dir, int shard) throws Exception {
        return Files.readAllLines(dir.resolve("seeds-" + shard + ".txt")).stream().map(Long::valueOf)
                .collect(Collectors.toList());
    }

    private static Set<Long> range(long first, int count) {
        Set<Long> range = new HashSet<>();
        for (int i = 0; i < count; i++) {
            range.add(first + i);
        }
        return range;
    }
}
