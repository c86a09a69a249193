package dev.jostle.junit.internal;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.Durations;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RaceText;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundTimeout;
import dev.jostle.engine.SeedReplays;
import dev.jostle.report.RaceReport;
import dev.jostle.report.ReportsFolder;
import dev.jostle.report.ScheduleTrace;
import dev.jostle.report.SummaryLine;
import dev.jostle.report.TestReport;
import dev.jostle.report.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a jostled test tells its reader: one line on the console, a JSON file and the folder's
 * {@code index.html} (see {@link dev.jostle.report}), report entries for the IDE, and for a failing test an
 * error whose message starts with the original failure, then the round, strategy and seed, the last noise
 * sites of each thread, and how to replay it. Races are counted on the console and written out in the files;
 * only a test they fail ({@code races = "fail"}) carries them in full, in its error.
 */
final class JostledReport {

    private final JostledConfiguration configuration;
    private final CampaignResult jostled;
    private final SeedReplays.Result replays;
    private final long noiseEvents;
    private final CampaignResult baseline;
    /** Where the files go, once {@link #finish} knows; a failing controlled round's full trace is written there. */
    private Path reportsDir;

    JostledReport(JostledConfiguration configuration, SeedReplays.Result replays, long noiseEvents,
            CampaignResult baseline) {
        this.configuration = configuration;
        this.jostled = replays.campaign();
        this.replays = replays;
        this.noiseEvents = noiseEvents;
        this.baseline = baseline;
    }

    /**
     * Writes the report files, prints the summary line, publishes the report entries, then fails the test if
     * it failed. Writing a report never fails a test: a file that cannot be written is named on the line.
     */
    void finish(ExtensionContext context) {
        String test = context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
        ReportsFolder folder = ReportsFolder.resolve(context::getConfigurationParameter);
        reportsDir = folder.dir();
        AssertionError error = failure();
        TestReport report = toReport(test, error);
        Path file = null;
        String notWritten = "";
        try {
            file = folder.write(report);
        } catch (Exception problem) {
            notWritten = " (report not written: " + problem + ")";
        }
        String line = SummaryLine.of(report, file) + notWritten;
        System.out.println(line);
        publish(context, test, line, file);
        if (error != null) {
            throw error;
        }
    }

    private void publish(ExtensionContext context, String test, String summary, Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("jostle.test", test);
        entries.put("jostle.summary", summary);
        if (file != null) {
            entries.put("jostle.reportFile", file.toString());
        }
        entries.put("jostle.rounds", String.valueOf(jostled.rounds()));
        entries.put("jostle.failures", String.valueOf(jostled.failures()));
        entries.put("jostle.seed", String.valueOf(configuration.seed()));
        if (!configuration.shard().isWhole()) {
            entries.put("jostle.shard", configuration.shard().toString());
        }
        entries.put("jostle.strategy", configuration.strategy().id());
        entries.put("jostle.elapsed", Durations.seconds(jostled.elapsed()));
        entries.put("jostle.noiseEvents", String.valueOf(noiseEvents));
        if (jostled.found()) {
            RoundReport failed = jostled.firstFailure().report();
            entries.put("jostle.failedRound", String.valueOf(roundNumber(jostled.firstFailure())));
            entries.put("jostle.failedSeed", String.valueOf(failed.seed()));
            entries.put("jostle.failedStrategy", failed.strategy().id());
            if (replays.chosen() != null) {
                entries.put("jostle.replays", replays.chosen().replays() + "");
                entries.put("jostle.failedAgain", replays.chosen().failedAgain() + "");
            }
        }
        if (baseline != null) {
            entries.put("jostle.withoutJostling", comparison());
        }
        if (configuration.races() != JostledConfiguration.RacePolicy.OFF) {
            entries.put("jostle.races", String.valueOf(races().size()));
            if (!races().isEmpty()) {
                entries.put("jostle.raceReport", RaceText.describe(races()));
            }
        }
        context.publishReportEntry(entries);
    }

    /** The error the test ends with, or null when it passed. */
    private AssertionError failure() {
        if (jostled.found()) {
            return failure(jostled.firstFailure(), false);
        }
        if (baseline != null && baseline.found()) {
            // Noise did not break it, yet it broke on its own: still a failure, and the stronger kind.
            return failure(baseline.firstFailure(), true);
        }
        if (configuration.races() == JostledConfiguration.RacePolicy.FAIL && !races().isEmpty()) {
            return new RoundFailedError(racesFailMessage(), null);
        }
        return null;
    }

    private AssertionError failure(RoundOutcome outcome, boolean withoutNoise) {
        RoundFailedError error = new RoundFailedError(message(outcome, withoutNoise), outcome.failure());
        if (outcome.failure() != null && outcome.kind() == FailureKind.EXCEPTION) {
            // The top of the trace points at the user's own failing line, as it would without Jostle.
            error.setStackTrace(outcome.failure().getStackTrace());
        }
        return error;
    }

    String message(RoundOutcome outcome, boolean withoutNoise) {
        RoundReport round = outcome.report();
        StringBuilder text = new StringBuilder();
        text.append(original(outcome)).append("\n\n");
        if (round.index() < 0) {
            // A run first watches one round without noise: to time the test (unless roundTimeout is set) and,
            // for "targeted" and "mixed", to learn where to aim.
            text.append("jostle: the observation round (run first, without noise, to time the test and aim the")
                    .append(" noise) failed in ").append(Durations.seconds(outcome.elapsed())).append('\n');
        } else {
            text.append("jostle: round ").append(withoutNoise ? round.index() : roundNumber(outcome))
                    .append(withoutNoise ? " failed without jostling (noise off)" : " failed")
                    .append(", after ").append(passedBefore(withoutNoise ? baseline : jostled)).append(", in ")
                    .append(Durations.seconds(outcome.elapsed())).append('\n');
        }
        text.append("  failure:  ").append(outcome.kind().label())
                .append(outcome.thread() == null ? "" : " (\"" + outcome.thread() + "\")").append('\n');
        text.append("  strategy: ").append(round.strategy().id());
        if (configuration.strategy() != round.strategy()) {
            text.append(" (picked by ").append(configuration.strategy().id()).append(')');
        }
        text.append(", plan: ").append(round.plan()).append('\n');
        if (round.schedule() != null) {
            text.append("  schedule: ").append(round.schedule().describe()).append('\n');
        }
        text.append("  seed:     ").append(round.seed()).append(" (base seed ").append(configuration.seed())
                .append(configuration.seedGiven() ? ", as configured" : ", drawn for this run")
                .append(configuration.shard().isWhole() ? "" : ", shard " + configuration.shard()
                        + ": the seed alone replays the round, without " + JostledConfiguration.SHARD)
                .append(")\n");
        if (baseline != null) {
            text.append("  evidence: ").append(comparison()).append('\n');
        }
        if (outcome.details() != null) {
            text.append('\n').append(outcome.details()).append('\n');
        }
        if (round.schedule() != null && reportsDir != null) {
            text.append('\n').append(ScheduleTrace.section(round.schedule(), round.seed(), round.races(),
                    outcome.failure(), reportsDir, "  "));
        }
        text.append("\nlast noise injected before the failure, per thread (oldest first):\n")
                .append(round.describeLastNoise()).append('\n');
        text.append("\nreplay: ").append(replay(round, withoutNoise));
        if (!withoutNoise && replays.chosen() != null) {
            text.append("\n        ").append(replays.evidence("        "));
        }
        if (configuration.races() != JostledConfiguration.RacePolicy.OFF && !races().isEmpty()) {
            text.append("\n\n").append(racesHeadline()).append('\n').append(RaceText.describe(races()));
        }
        return text.toString();
    }

    private String racesFailMessage() {
        return racesHeadline() + " in " + jostled.rounds() + " rounds, although every round passed:\n"
                + RaceText.describe(races())
                + "\n\nThese accesses are not ordered by happens-before: other timing, another JIT or another"
                + " CPU can break them. Fix the synchronisation, or report without failing with"
                + " @Jostled(races = \"warn\") or -Djostle.races=warn.";
    }

    /** The report's facts; the fields this run cannot know yet stay null. */
    private TestReport toReport(String test, AssertionError error) {
        // The observation round may have failed first and a jostled round whose seed replays better be reported.
        boolean observationFailed = jostled.found() && (jostled.firstFailure().round() < 0
                || replays.first() != null && replays.first().failure().round() < 0);
        int withoutNoise = jostled.roundsWithoutNoise() + (baseline == null ? 0 : baseline.rounds());
        int failedWithoutNoise = (observationFailed ? 1 : 0) + (baseline == null ? 0 : baseline.failures());
        Duration elapsed = baseline == null ? jostled.elapsed() : jostled.elapsed().plus(baseline.elapsed());
        List<RaceReport> races = races().stream().map(RaceReport::of).collect(Collectors.toList());
        RoundTimeout timeout = jostled.roundTimeout();
        return new TestReport(test, verdict(error), error != null,
                jostled.jostledRounds(), withoutNoise, configuration.minRounds(), configuration.seed(),
                configuration.strategy().id(), elapsed.toMillis(),
                jostled.normalDuration() == null ? null : jostled.normalDuration().toMillis(),
                timeout == null ? null : timeout.limit().toMillis(), failureReport(error), races,
                jostled.failures() - (observationFailed ? 1 : 0), failedWithoutNoise, configuration.races().id(),
                noiseEvents, Instant.now().toString());
    }

    /**
     * A test that passed on fewer jostled rounds than the minimum (strategy {@code none}, say) is not called
     * passed: it was not looked at hard enough to vouch for the code.
     */
    private Verdict verdict(AssertionError error) {
        if (error != null) {
            return Verdict.FAILED;
        }
        return jostled.jostledRounds() < configuration.minRounds() ? Verdict.NOT_JOSTLED : Verdict.PASSED;
    }

    private TestReport.Failure failureReport(AssertionError error) {
        if (error == null) {
            return null;
        }
        boolean withoutNoise = !jostled.found();
        RoundOutcome outcome = jostled.found() ? jostled.firstFailure()
                : baseline != null && baseline.found() ? baseline.firstFailure() : null;
        if (outcome == null) {
            return new TestReport.Failure("races", racesHeadline() + " in " + jostled.rounds()
                    + " rounds, although every round passed", null, null, null, null, null, null, null, null, null,
                    null, error.getMessage(), null);
        }
        RoundReport round = outcome.report();
        boolean observation = round.index() < 0;
        Integer number = observation ? null : withoutNoise ? Integer.valueOf(round.index()) : roundNumber(outcome);
        String phase = observation ? "observation" : withoutNoise ? "without-noise" : "jostled";
        Strategy strategy = withoutNoise ? Strategy.NONE : round.strategy();
        SeedReplays.Check chosen = withoutNoise ? null : replays.chosen();
        return new TestReport.Failure(outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                original(outcome), number, round.seed(), strategy.id(), replayFlags(round, withoutNoise),
                null, phase, outcome.thread(), replayAnnotation(round, withoutNoise),
                chosen == null ? null : chosen.replays(), chosen == null ? null : chosen.failedAgain(),
                error.getMessage(), round.schedule() == null ? null : ScheduleTrace.timeline(round.schedule(),
                        round.seed(), round.races(), outcome.failure(), reportsDir));
    }

    /** The jostled rounds' races: the rounds without jostling run with detection off (see JostledRounds). */
    private List<Race> races() {
        return jostled.races();
    }

    private String racesHeadline() {
        return RaceText.count(races().size()) + " found";
    }

    private static String original(RoundOutcome outcome) {
        Throwable failure = outcome.failure();
        String what = failure == null ? outcome.kind().label() : failure.toString();
        return outcome.kind() == FailureKind.THREAD_EXCEPTION && outcome.thread() != null
                ? what + " (in thread \"" + outcome.thread() + "\")" : what;
    }

    // The round seed replays the round as round 0 of a new run. The round's concrete strategy is given
    // with it: under "mixed" the seed picks the same one anyway, and naming it skips the rotation.
    // A round without jostling ran with race detection off too (its cost perturbs timing): so does its replay.
    private String replay(RoundReport round, boolean withoutNoise) {
        return replayAnnotation(round, withoutNoise) + "  or  " + replayFlags(round, withoutNoise);
    }

    private static String replayAnnotation(RoundReport round, boolean withoutNoise) {
        Strategy strategy = withoutNoise ? Strategy.NONE : round.strategy();
        String racesOff = withoutNoise ? ", races = \"off\"" : "";
        return "@Jostled(seed = " + round.seed() + "L, strategy = \"" + strategy.id() + "\"" + racesOff + ")";
    }

    private static String replayFlags(RoundReport round, boolean withoutNoise) {
        Strategy strategy = withoutNoise ? Strategy.NONE : round.strategy();
        return "-Djostle.seed=" + round.seed() + " -Djostle.strategy=" + strategy.id()
                + (withoutNoise ? " -Djostle.races=off" : "");
    }

    /** The round's number in the whole search (a round found after the first failure counts on from it). */
    private int roundNumber(RoundOutcome outcome) {
        SeedReplays.Check chosen = replays.chosen();
        return chosen != null && chosen.failure() == outcome ? chosen.roundNumber() : outcome.round();
    }

    private static String passedBefore(CampaignResult result) {
        int passed = Math.max(0, result.rounds() - result.failures());
        return passed + (passed == 1 ? " passing round" : " passing rounds");
    }

    /** "0 of 500 rounds failed without jostling; round 37 failed with jostling". */
    private String comparison() {
        String without = baseline.failures() + " of " + baseline.rounds() + " rounds failed without jostling";
        String with;
        if (!jostled.found()) {
            with = "0 of " + jostled.rounds() + " rounds failed with jostling";
        } else if (jostled.firstFailure().round() < 0) {
            with = "the observation round failed (noise off)";
        } else {
            with = "round " + roundNumber(jostled.firstFailure()) + " failed with jostling";
        }
        return without + "; " + with;
    }

    /** The error a failing jostled test ends with; its cause is the round's original failure. */
    static final class RoundFailedError extends AssertionError {
        private static final long serialVersionUID = 1L;

        RoundFailedError(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
