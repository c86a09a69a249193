package dev.jostle.hunt;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.jostle.engine.RaceText;
import dev.jostle.engine.Shard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Several hunts' results as one verdict: found if any found, rounds summed, every failure with its replay
 * line. The results must be of one program and, when sharded, the shards of one hunt (one base seed, one
 * strategy, one N) with none missing and none twice: a verdict over a search that is not what it claims to be
 * would mislead, so such input is refused.
 */
final class MergedHunts {

    /** A failure's fields, copied from its hunt's result as they were written. */
    private static final List<String> FAILURE_FIELDS = List.of("kind", "message", "thread", "round",
            "phase", "roundStrategy", "roundSeed", "stack", "details", "replay", "replays", "failedAgain",
            "matchedLine", "method");

    private final List<HuntResultFile> results;
    private final boolean sharded;

    private MergedHunts(List<HuntResultFile> results, boolean sharded) {
        this.results = results;
        this.sharded = sharded;
    }

    /** Checks that the results belong together; sharded results come out in shard order. */
    static MergedHunts of(List<HuntResultFile> results) throws UsageException {
        if (results.isEmpty()) {
            throw new UsageException("no results to merge");
        }
        HuntResultFile first = results.get(0);
        for (HuntResultFile other : results) {
            if (!other.mainClass().equals(first.mainClass())) {
                throw new UsageException(other.file() + " hunted " + other.mainClass() + " but " + first.file()
                        + " hunted " + first.mainClass() + ": merge takes the results of one program");
            }
        }
        boolean sharded = results.stream().anyMatch(result -> !result.shard().isWhole());
        List<HuntResultFile> ordered = new ArrayList<>(results);
        if (sharded) {
            checkShards(ordered);
            ordered.sort(Comparator.comparingInt(result -> result.shard().index()));
        } else {
            checkDistinctSearches(ordered);
        }
        return new MergedHunts(List.copyOf(ordered), sharded);
    }

    private static void checkShards(List<HuntResultFile> results) throws UsageException {
        HuntResultFile model = results.stream().filter(result -> !result.shard().isWhole()).findFirst().orElseThrow();
        HuntResultFile[] byIndex = new HuntResultFile[model.shard().count() + 1];
        for (HuntResultFile result : results) {
            if (result.shard().isWhole()) {
                throw new UsageException(result.file() + " is not a shard (its hunt had no --shard) but "
                        + model.file() + " is shard " + model.shard() + ": merge takes either the shards of one"
                        + " hunt or unsharded hunts");
            }
            if (result.shard().count() != model.shard().count()) {
                throw new UsageException(result.file() + " is shard " + result.shard() + " but " + model.file()
                        + " is shard " + model.shard() + ": the shards of one hunt share N");
            }
            if (result.seed() != model.seed()) {
                throw new UsageException(result.file() + " ran from base seed " + result.seed() + " but "
                        + model.file() + " from " + model.seed() + ": the shards of one hunt share --seed,"
                        + " else their seeds may overlap");
            }
            if (!result.strategy().equals(model.strategy())) {
                throw new UsageException(result.file() + " ran under strategy " + result.strategy() + " but "
                        + model.file() + " under " + model.strategy() + ": the shards of one hunt share --strategy");
            }
            if (!Objects.equals(result.failOnOutput(), model.failOnOutput())) {
                throw new UsageException(result.file() + " " + failingOutput(result) + " but " + model.file() + " "
                        + failingOutput(model) + ": the shards of one hunt share --fail-on-output");
            }
            HuntResultFile twin = byIndex[result.shard().index()];
            if (twin != null) {
                throw new UsageException(twin.file() + " and " + result.file() + " are both shard " + result.shard()
                        + ": its rounds would count twice");
            }
            byIndex[result.shard().index()] = result;
        }
        StringJoiner missing = new StringJoiner(", ");
        for (int index = 1; index < byIndex.length; index++) {
            if (byIndex[index] == null) {
                missing.add(new Shard(index, model.shard().count()).toString());
            }
        }
        if (missing.length() > 0) {
            throw new UsageException("no result for shard " + missing + " (did its job fail before writing"
                    + " --json?): without it, part of the seeds went unsearched and the verdict would say more"
                    + " than was looked at");
        }
    }

    private static String failingOutput(HuntResultFile result) {
        return result.failOnOutput() == null ? "had no --fail-on-output"
                : "failed rounds on output matching '" + result.failOnOutput() + "'";
    }

    private static void checkDistinctSearches(List<HuntResultFile> results) throws UsageException {
        for (int i = 0; i < results.size(); i++) {
            for (int j = 0; j < i; j++) {
                HuntResultFile a = results.get(j);
                HuntResultFile b = results.get(i);
                if (a.firstRoundSeed() == b.firstRoundSeed() && a.strategy().equals(b.strategy())) {
                    throw new UsageException(a.file() + " and " + b.file() + " searched the same seeds (seed "
                            + a.seed() + ", strategy " + a.strategy() + "): their rounds would count twice");
                }
            }
        }
    }

    boolean found() {
        return results.stream().anyMatch(HuntResultFile::found);
    }

    long rounds() {
        return results.stream().mapToLong(HuntResultFile::rounds).sum();
    }

    List<HuntResultFile> failures() {
        return results.stream().filter(HuntResultFile::found).collect(Collectors.toList());
    }

    /** Each race once, though several hunts reported it. */
    Set<String> races() {
        Set<String> races = new LinkedHashSet<>();
        results.forEach(result -> races.addAll(result.raceReports()));
        return races;
    }

    /** For a person: the verdict, then one line per result, each failure with its replay line. */
    String summary() {
        HuntResultFile first = results.get(0);
        StringBuilder text = new StringBuilder("jostle merge: ");
        List<HuntResultFile> failures = failures();
        if (failures.isEmpty()) {
            text.append("no failure in ").append(results.size());
        } else {
            text.append("FAILED in ").append(failures.size()).append(" of ").append(results.size());
        }
        text.append(sharded ? " shards" : results.size() == 1 ? " hunt" : " hunts").append(" of ")
                .append(first.mainClass()).append(", ").append(rounds(rounds())).append(" in all");
        if (sharded) {
            text.append(" (strategy ").append(first.strategy()).append(", seed ").append(first.seed());
            if (first.failOnOutput() != null) {
                text.append(", --fail-on-output '").append(first.failOnOutput()).append('\'');
            }
            text.append(')');
        }
        text.append('\n');
        for (HuntResultFile result : results) {
            text.append("  ").append(label(result)).append(": ");
            // Unsharded hunts may each have had their own pattern: a pass means less without the one it had.
            String output = sharded || result.failOnOutput() == null ? ""
                    : ", --fail-on-output '" + result.failOnOutput() + "'";
            if (!result.found()) {
                text.append("no failure in ").append(rounds(result.rounds())).append(" (round seeds from ")
                        .append(result.firstRoundSeed()).append(output).append(")\n");
                continue;
            }
            text.append("FAILED, ").append(result.text("kind")).append(": ").append(result.text("message"))
                    .append(" (round ").append(result.text("round")).append(", seed ").append(result.text("roundSeed"))
                    .append(output).append(")\n");
            String replay = result.text("replay");
            if (replay != null) {
                text.append("    replay: ").append(replay).append('\n');
            }
            String replays = result.text("replays");
            if (replays != null && !replays.equals("0")) {
                text.append("    this seed failed again in ").append(result.text("failedAgain")).append(" of ")
                        .append(replays).append(replays.equals("1") ? " replay\n" : " replays\n");
            }
        }
        Set<String> races = races();
        if (!races.isEmpty()) {
            text.append(HuntReport.raceBlock("jostle merge", races.size(), RaceText.indent(races)));
        }
        return text.toString().stripTrailing();
    }

    /**
     * As JSON: hunt's own fields where they make sense for the whole (the {@link #headline} failure's at the top, so a
     * script that reads one hunt's result reads this too), then every result and every failure.
     */
    String toJson() {
        HuntResultFile first = results.get(0);
        JsonObject json = new JsonObject();
        json.addProperty("found", found());
        json.addProperty("mainClass", first.mainClass());
        // Shared by every result (always so for shards), else null.
        json.addProperty("strategy", shared(HuntResultFile::strategy));
        json.addProperty("seed", shared(HuntResultFile::seed));
        // As hunt writes it: a round that printed a line matching it failed. Shared (shards always share it).
        json.addProperty("failOnOutput", results.stream().map(HuntResultFile::failOnOutput).distinct().count() == 1
                ? first.failOnOutput() : null);
        json.addProperty("rounds", rounds());
        // The hunts ran side by side: the whole took as long as the slowest.
        json.addProperty("elapsedMillis", results.stream().mapToLong(HuntResultFile::elapsedMillis).max().orElse(0));
        // The earliest that any of them found its failure: they started together.
        json.addProperty("timeToFirstFailureMillis", failures().stream()
                .map(failure -> failure.text("timeToFirstFailureMillis")).filter(Objects::nonNull)
                .map(Long::valueOf).min(Long::compare).orElse(null));
        json.addProperty("racesLookedFor",
                results.stream().anyMatch(result -> "true".equals(result.text("racesLookedFor"))));
        Set<String> races = races();
        json.addProperty("races", races.size());
        JsonArray raceReports = new JsonArray();
        races.forEach(raceReports::add);
        json.add("raceReports", raceReports);
        List<HuntResultFile> failures = failures();
        if (failures.isEmpty()) {
            json.add("kind", null);
            json.add("message", null);
        } else {
            copyFailure(headline(failures), json);
        }
        json.addProperty("shards", sharded ? first.shard().count() : 0);
        JsonArray merged = new JsonArray();
        for (HuntResultFile result : results) {
            JsonObject entry = new JsonObject();
            entry.addProperty("file", result.file().toString());
            entry.addProperty("shard", result.shard().isWhole() ? null : result.shard().toString());
            entry.addProperty("found", result.found());
            entry.addProperty("rounds", result.rounds());
            entry.addProperty("seed", result.seed());
            entry.addProperty("firstRoundSeed", result.firstRoundSeed());
            entry.addProperty("strategy", result.strategy());
            entry.addProperty("failOnOutput", result.failOnOutput());
            merged.add(entry);
        }
        json.add("merged", merged);
        JsonArray failed = new JsonArray();
        for (HuntResultFile failure : failures) {
            JsonObject entry = new JsonObject();
            entry.addProperty("file", failure.file().toString());
            entry.addProperty("shard", failure.shard().isWhole() ? null : failure.shard().toString());
            copyFailure(failure, entry);
            failed.add(entry);
        }
        json.add("failures", failed);
        return JsonReport.GSON.toJson(json);
    }

    /**
     * The failure to put first: the one whose seed failed again in the largest share of its replays, as a
     * hunt itself reports the failing round whose seed replays best; among equals, the earliest shard's.
     */
    static HuntResultFile headline(List<HuntResultFile> failures) {
        HuntResultFile best = failures.get(0);
        for (HuntResultFile failure : failures) {
            if (replayShare(failure) > replayShare(best)) {
                best = failure;
            }
        }
        return best;
    }

    /** How often its seed failed again when replayed; 0 when it was not (nothing says that it replays). */
    private static double replayShare(HuntResultFile failure) {
        try {
            int replays = Integer.parseInt(String.valueOf(failure.text("replays")));
            int failedAgain = Integer.parseInt(String.valueOf(failure.text("failedAgain")));
            return replays == 0 ? 0 : (double) failedAgain / replays;
        } catch (NumberFormatException notWritten) {
            return 0;
        }
    }

    private <T> T shared(Function<HuntResultFile, T> fact) {
        T value = fact.apply(results.get(0));
        return results.stream().allMatch(result -> fact.apply(result).equals(value)) ? value : null;
    }

    private static void copyFailure(HuntResultFile failure, JsonObject into) {
        for (String field : FAILURE_FIELDS) {
            JsonElement value = failure.json().get(field);
            if (value != null) {
                into.add(field, value);
            }
        }
    }

    private static String rounds(long n) {
        return n + (n == 1 ? " round" : " rounds");
    }

    private String label(HuntResultFile result) {
        return sharded ? "shard " + result.shard() : result.file().toString();
    }
}
