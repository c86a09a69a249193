package dev.jostle.hunt;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.SeedReplays;
import java.time.Duration;
import java.util.Locale;

/** The hunt's result as JSON, for scripts and the detection benchmark: the same facts as the text report. */
final class JsonReport {

    /**
     * Written through Gson, not by hand, so escaping is the library's. Nulls are written (a script sees every
     * field, {@code "kind": null} when nothing was found); no HTML escaping, so a message reads as it was thrown.
     */
    static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonReport() {
    }

    static String toJson(HuntResult result) {
        HuntOptions options = result.options();
        CampaignResult campaign = result.campaign();
        JsonObject json = new JsonObject();
        json.addProperty("found", result.found());
        // As given (Class, Class#method or Class#@Test): merge compares it to refuse results of other programs.
        json.addProperty("mainClass", options.main().toString());
        json.addProperty("strategy", options.strategy().id());
        json.addProperty("seed", options.seed());
        // For merge: shards of one hunt share the base seed and N; round i ran under firstRoundSeed + i.
        json.addProperty("shard", options.shard().isWhole() ? null : options.shard().toString());
        json.addProperty("firstRoundSeed", options.firstSeed());
        json.addProperty("rounds", campaign.rounds());
        // Rounds the end of the budget stopped before they ended or ran out of their own timeout: not in rounds.
        json.addProperty("unfinished", result.unfinished().count());
        // Child JVMs the rounds ran in; 0: in the hunt's own JVM.
        json.addProperty("forks", options.forks());
        json.addProperty("elapsedMillis", millis(campaign.elapsed()));
        json.addProperty("timeToFirstFailureMillis", millis(campaign.timeToFirstFailure()));
        // Races are counted apart from failures: a hunt can find races in rounds that all passed.
        json.addProperty("failOnOutput", options.failOnOutput() == null ? null : options.failOnOutput().pattern());
        json.addProperty("racesLookedFor", options.races());
        json.addProperty("races", campaign.races().size());
        JsonArray raceReports = new JsonArray();
        campaign.races().stream().map(Race::describe).forEach(raceReports::add);
        json.add("raceReports", raceReports);
        RoundOutcome failure = campaign.firstFailure();
        if (failure != null) {
            RoundReport round = failure.report();
            SeedReplays.Check chosen = result.replays() == null ? null : result.replays().chosen();
            json.addProperty("kind", failure.kind().name().toLowerCase(Locale.ROOT));
            json.addProperty("message", failure.headline());
            json.addProperty("thread", failure.thread());
            json.addProperty("round", chosen == null ? round.index() : chosen.roundNumber());
            // observation: the round run first, without noise (round -1); the bug showed with the hooks alone.
            json.addProperty("phase", result.observationFailed() ? "observation" : "jostled");
            json.addProperty("roundStrategy", round.strategy().id());
            json.addProperty("roundSeed", round.seed());
            json.addProperty("stack", failure.failure() == null || failure.failure() instanceof FailingOutput ? null
                    : HuntReport.stack(failure.failure()));
            json.addProperty("details", failure.details());
            json.addProperty("replay", result.replay());
            // The method the round called: for Class#@Test, the test that failed.
            json.addProperty("method", result.method());
            // How often the replay line brought the failure back when the hunt tried it (0 of 0: not tried).
            json.addProperty("replays", chosen == null ? 0 : chosen.replays());
            json.addProperty("failedAgain", chosen == null ? 0 : chosen.failedAgain());
            // A controlled round's schedule ("controlled-pct(...): 40 decisions, 3 threads, fully controlled"), and
            // whether the replays that failed again took its decisions exactly; null for a noise round.
            json.addProperty("schedule", round.schedule() == null ? null : round.schedule().describe());
            json.addProperty("scheduleReplays", chosen == null ? null : chosen.schedules());
            // The line of a round that failed by printing it (kind "output"), as printed.
            // Rounds at once in one JVM touched what they share: the failure may be a collision (see SharedState).
            json.addProperty("collisionHint", result.collisionHint());
            json.addProperty("matchedLine", failure.failure() instanceof FailingOutput
                    ? ((FailingOutput) failure.failure()).line() : null);
        } else {
            json.add("kind", JsonNull.INSTANCE);
            json.add("message", JsonNull.INSTANCE);
            json.add("collisionHint", JsonNull.INSTANCE);
        }
        return GSON.toJson(json);
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    /** {@code text} as a JSON string literal: quoted, with quotes, backslashes and control characters escaped. */
    static String string(String text) {
        return GSON.toJson(text);
    }
}
