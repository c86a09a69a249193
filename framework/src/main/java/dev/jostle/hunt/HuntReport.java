package dev.jostle.hunt;

import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RaceText;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.SeedReplays;
import dev.jostle.report.ReportsFolder;
import dev.jostle.report.ScheduleTrace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes a hunt's result for a person: the failure, its stack, where to find it again. */
final class HuntReport {

    /** Frames of the hunt's own machinery below the program's main: noise in a user's stack trace. */
    private static final List<String> MACHINERY = List.of("dev.jostle.hunt.", "dev.jostle.engine.",
            "java.lang.invoke.");

    private HuntReport() {
    }

    static String start(HuntOptions options) {
        return "jostle hunt: " + options.main() + " under strategy " + options.strategy() + ", " + seed(options)
                + ", budget " + Durations.format(options.time())
                + (options.rounds() > 0 ? " or " + rounds(options.rounds()) : "") + ", round timeout "
                + Durations.format(options.roundTimeout()) + ", " + (options.forks() > 0 ? options.forks()
                + (options.forks() == 1 ? " fork" : " forks") : options.parallel() + " at once");
    }

    static String summary(HuntResult result) {
        String unfinished = result.unfinished().describe();
        return verdict(result) + (unfinished == null ? "" : "\njostle hunt: " + unfinished) + races(result.campaign());
    }

    /** Races are evidence of their own, counted apart: they do not change the exit status. */
    private static String races(CampaignResult campaign) {
        if (campaign.races().isEmpty()) {
            return "";
        }
        return "\n\n" + raceBlock("jostle hunt", campaign.races().size(), RaceText.describe(campaign.races()));
    }

    /** The races of a hunt, or of hunts merged: a count that says what a race is, then each race. */
    static String raceBlock(String tool, int count, String described) {
        return tool + ": " + RaceText.count(count)
                + " (accesses unordered by happens-before, whether or not a round failed):\n" + described;
    }

    private static String verdict(HuntResult result) {
        CampaignResult campaign = result.campaign();
        String rate = String.format(Locale.ROOT, "%.0f rounds/s", campaign.roundsPerSecond());
        if (!result.found()) {
            return "jostle hunt: no failure in " + rounds(campaign.rounds()) + " (" + seconds(campaign.elapsed())
                    + ", " + rate + ") under strategy " + result.options().strategy() + ", " + seed(result.options());
        }
        if (result.observationFailed() && campaign.rounds() == 0) {
            return failure(result) + "\n\n" + "jostle hunt: no jostled round ran after the observation round failed"
                    + " (" + seconds(campaign.elapsed()) + ")" + hint(result);
        }
        return failure(result) + "\n\n" + "jostle hunt: " + rounds(campaign.rounds()) + " in "
                + seconds(campaign.elapsed()) + " (" + rate + ")" + hint(result);
    }

    private static String hint(HuntResult result) {
        return result.collisionHint() == null ? "" : "\njostle hunt: " + result.collisionHint();
    }

    /** "seed 42", or for a shard "seed 42, shard 2/4 (round seeds from 1000000000000042)". */
    private static String seed(HuntOptions options) {
        String text = "seed " + options.seed();
        if (options.shard().isWhole()) {
            return text;
        }
        return text + ", shard " + options.shard() + " (round seeds from " + options.firstSeed() + ")";
    }

    static String failure(HuntResult result) {
        RoundOutcome outcome = result.campaign().firstFailure();
        RoundReport round = outcome.report();
        StringBuilder text = new StringBuilder();
        text.append("jostle hunt: FAILED in ").append(roundName(round, result)).append(" (strategy ")
                .append(round.strategy()).append(", seed ").append(round.seed()).append(") after ")
                .append(seconds(result.campaign().timeToFirstFailure())).append('\n');
        if (round.index() < 0) {
            text.append("(the round run first, without noise, to aim the noise: the bug showed with the agent's hooks alone)\n");
        }
        if (result.options().main().isTests()) {
            text.append("test ").append(result.options().main().withMethod(result.method())).append('\n');
        }
        text.append(outcome.headline()).append('\n');
        if (carriesStack(outcome)) {
            text.append(stack(outcome.failure()));
        }
        if (outcome.details() != null && !outcome.details().isBlank()) {
            text.append(outcome.details().stripTrailing()).append('\n');
        }
        if (round.schedule() != null) {
            text.append("\nschedule: ").append(round.schedule().describe()).append('\n');
            text.append(ScheduleTrace.section(round.schedule(), round.seed(), round.races(), outcome.failure(),
                    reportsDir(), "  "));
        }
        if (round.noiseEvents() > 0) {
            text.append("\nlast noise before the failure (").append(round.plan()).append("):\n")
                    .append(round.describeLastNoise()).append('\n');
        }
        if (result.programOutput() != null && !result.programOutput().isBlank()) {
            text.append("\nprogram output of the failing round:\n");
            for (String line : result.programOutput().stripTrailing().split("\\R")) {
                text.append("  | ").append(line).append('\n');
            }
        }
        text.append(round.index() < 0 ? "\nreplay this round (without noise, as it ran):\n  "
                : "\nreplay this round (the same noise decisions; drop --rounds 1 to hunt on from there):\n  ")
                .append(result.replay());
        String evidence = result.replays() == null ? null : result.replays().evidence("  ");
        if (evidence != null) {
            text.append("\n  ").append(evidence);
        }
        return text.toString();
    }

    /** Where a hunt writes its files: {@code -Djostle.reportsDir}, as for tests, else {@code target/jostle}. */
    private static Path reportsDir() {
        return ReportsFolder.resolve(setting -> Optional.empty()).dir();
    }

    private static String roundName(RoundReport round, HuntResult result) {
        if (round.index() < 0) {
            return "the observation round (no noise)";
        }
        SeedReplays.Check chosen = result.replays() == null ? null : result.replays().chosen();
        return "round " + (chosen != null ? chosen.roundNumber() : round.index());
    }

    /** Deadlocks, hangs and failing output are explained by their details or line; their failure is a carrier. */
    private static boolean carriesStack(RoundOutcome outcome) {
        return outcome.failure() != null && outcome.kind() != FailureKind.DEADLOCK
                && !outcome.kind().outOfTime() && outcome.kind() != FailureKind.LEFTOVER_THREADS
                && outcome.kind() != FailureKind.OUTPUT;
    }

    /** The failure's stack trace, with the hunt's own frames below the program's cut off. */
    static String stack(Throwable failure) {
        trim(failure);
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static void trim(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            int end = frames.length;
            while (end > 1 && isMachinery(frames[end - 1])) {
                end--;
            }
            if (end < frames.length) {
                List<StackTraceElement> kept = new ArrayList<>(Arrays.asList(frames).subList(0, end));
                t.setStackTrace(kept.toArray(new StackTraceElement[0]));
            }
        }
    }

    private static boolean isMachinery(StackTraceElement frame) {
        if (frame.getClassName().equals("java.lang.Thread")) {
            return true;
        }
        for (String prefix : MACHINERY) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String rounds(int n) {
        return n == 1 ? "1 round" : n + " rounds";
    }

    static String seconds(Duration duration) {
        return duration == null ? "-" : dev.jostle.engine.Durations.seconds(duration);
    }
}
