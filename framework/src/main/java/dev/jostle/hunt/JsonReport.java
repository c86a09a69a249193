package dev.jostle.hunt;

import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.SeedReplays;
import dev.jostle.engine.RoundOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hunt's result as JSON, for scripts and the detection benchmark: the same facts as the text report. */
final class JsonReport {

    private JsonReport() {
    }

    static String toJson(HuntResult result) {
        HuntOptions options = result.options();
        CampaignResult campaign = result.campaign();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("found", result.found());
        // As given (Class, Class#method or Class#@Test): merge compares it to refuse results of other programs.
        json.put("mainClass", options.main().toString());
        json.put("strategy", options.strategy().id());
        json.put("seed", options.seed());
        // For merge: shards of one hunt share the base seed and N; round i ran under firstRoundSeed + i.
        json.put("shard", options.shard().isWhole() ? null : options.shard().toString());
        json.put("firstRoundSeed", options.firstSeed());
        json.put("rounds", campaign.rounds());
        // Rounds the end of the budget stopped before they ended or ran out of their own timeout: not in rounds.
        json.put("unfinished", result.unfinished().count());
        // Child JVMs the rounds ran in; 0: in the hunt's own JVM.
        json.put("forks", options.forks());
        json.put("elapsedMillis", millis(campaign.elapsed()));
        json.put("timeToFirstFailureMillis", millis(campaign.timeToFirstFailure()));
        // Races are counted apart from failures: a hunt can find races in rounds that all passed.
        json.put("failOnOutput", options.failOnOutput() == null ? null : options.failOnOutput().pattern());
        json.put("racesLookedFor", options.races());
        json.put("races", campaign.races().size());
        json.put("raceReports", campaign.races().stream().map(dev.jostle.agent.race.Race::describe)
                .collect(java.util.stream.Collectors.toList()));
        RoundOutcome failure = campaign.firstFailure();
        if (failure != null) {
            RoundReport round = failure.report();
            SeedReplays.Check chosen = result.replays() == null ? null : result.replays().chosen();
            json.put("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT));
            json.put("message", failure.headline());
            json.put("thread", failure.thread());
            json.put("round", chosen == null ? round.index() : chosen.roundNumber());
            // observation: the round run first, without noise (round -1); the bug showed with the hooks alone.
            json.put("phase", result.observationFailed() ? "observation" : "jostled");
            json.put("roundStrategy", round.strategy().id());
            json.put("roundSeed", round.seed());
            json.put("stack", failure.failure() == null || failure.failure() instanceof FailingOutput ? null
                    : HuntReport.stack(failure.failure()));
            json.put("details", failure.details());
            json.put("replay", result.replay());
            // The method the round called: for Class#@Test, the test that failed.
            json.put("method", result.method());
            // How often the replay line brought the failure back when the hunt tried it (0 of 0: not tried).
            json.put("replays", chosen == null ? 0 : chosen.replays());
            json.put("failedAgain", chosen == null ? 0 : chosen.failedAgain());
            // The line of a round that failed by printing it (kind "output"), as printed.
            // Rounds at once in one JVM touched what they share: the failure may be a collision (see SharedState).
            json.put("collisionHint", result.collisionHint());
            json.put("matchedLine", failure.failure() instanceof FailingOutput
                    ? ((FailingOutput) failure.failure()).line() : null);
        } else {
            json.put("kind", null);
            json.put("message", null);
            json.put("collisionHint", null);
        }
        StringBuilder text = new StringBuilder("{");
        json.forEach((key, value) -> {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append("\n  ").append(string(key)).append(": ").append(value(value));
        });
        return text.append("\n}").toString();
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.util.List) {
            StringBuilder list = new StringBuilder("[");
            for (Object item : (java.util.List<?>) value) {
                list.append(list.length() > 1 ? ", " : "").append(value(item));
            }
            return list.append(']').toString();
        }
        return string(value.toString());
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }
}
