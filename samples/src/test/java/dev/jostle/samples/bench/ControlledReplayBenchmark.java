package dev.jostle.samples.bench;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.agent.schedule.Schedule;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundRunner;
import dev.jostle.samples.Catalogue;
import dev.jostle.samples.Variant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Issue 17's replay goal on the samples: every broken variant hunted under each controlled strategy until
 * its first failure, and that round's seed replayed, each replay's decisions compared with the round's.
 * Prints a Markdown table for docs/performance.md. Not a test: it measures. Run from the repository root,
 * after {@code mvn -B -q package -DskipTests} and {@code mvn -o -q test-compile -pl samples -am}:
 * {@code java -javaagent:agent/target/jostle-agent.jar -cp samples/target/jostle-samples.jar:samples/target/test-classes
 * dev.jostle.samples.bench.ControlledReplayBenchmark [ROUNDS [REPLAYS [NAME]]]} (defaults 500 rounds, 5 replays;
 * NAME keeps the variants whose name contains it).
 */
public final class ControlledReplayBenchmark {

    private static final List<Strategy> STRATEGIES = List.of(Strategy.CONTROLLED_RANDOM, Strategy.CONTROLLED_PCT,
            Strategy.CONTROLLED_POS);
    private static final RoundRunner RUNNER = RoundRunner.builder().timeout(Duration.ofSeconds(2))
            .name("replay-bench").build();

    private ControlledReplayBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int replays = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String only = args.length > 2 ? args[2] : "";
        StringBuilder table = new StringBuilder();
        table.append("Controlled replays on the samples, ").append(LocalDate.now()).append(": each broken variant, up")
                .append(" to ").append(rounds).append(" rounds from seed 1 until the first failure, whose seed is")
                .append(" then replayed ").append(replays).append(" times.\nEach cell: round of the first failure;")
                .append(" replays that failed again; replays that took the same decisions; or why not checked.\n\n");
        table.append("| variant |");
        STRATEGIES.forEach(strategy -> table.append(' ').append(strategy.id()).append(" |"));
        table.append("\n|---|").append("---|".repeat(STRATEGIES.size())).append('\n');
        int[] exact = new int[STRATEGIES.size()];
        int[] found = new int[STRATEGIES.size()];
        for (Variant variant : Catalogue.variants()) {
            if (!variant.broken() || !variant.name().contains(only)) {
                continue;
            }
            table.append("| ").append(variant.name()).append(" |");
            for (int s = 0; s < STRATEGIES.size(); s++) {
                String cell = cell(variant, STRATEGIES.get(s), rounds, replays, s, found, exact);
                System.err.println(variant.name() + " " + STRATEGIES.get(s).id() + ": " + cell);
                table.append(' ').append(cell).append(" |");
            }
            table.append('\n');
        }
        table.append("| **found; replayed exactly every time** |");
        for (int s = 0; s < STRATEGIES.size(); s++) {
            table.append(' ').append(found[s]).append("; ").append(exact[s]).append(" |");
        }
        System.out.println(table.append('\n'));
    }

    private static String cell(Variant variant, Strategy strategy, int rounds, int replays, int column, int[] found,
            int[] exact) {
        CampaignResult hunt = run(variant, CampaignSettings.of(strategy, 1, rounds, Duration.ZERO)
                .withParallel(1).withStopAtFirstFailure(true));
        RoundOutcome failure = hunt.firstFailure();
        if (failure == null) {
            return "not found";
        }
        found[column]++;
        Schedule original = failure.report().schedule();
        if (original == null || !original.fullyControlled()) {
            return "round " + failure.round() + "; not fully controlled ("
                    + (original == null ? "no schedule" : original.lostControl()) + ")";
        }
        int failedAgain = 0;
        int same = 0;
        String firstDivergence = null;
        for (int i = 0; i < replays; i++) {
            CampaignResult replay = run(variant, CampaignSettings.of(strategy, failure.report().seed(), 1,
                    Duration.ZERO).withParallel(1).withStopAtFirstFailure(true));
            RoundOutcome again = replay.firstFailure();
            if (again != null) {
                failedAgain++;
                String verdict = again.report().schedule() == null ? "uncontrolled"
                        : again.report().schedule().replayCheck(original);
                if (verdict.startsWith("replayed exactly")) {
                    same++;
                } else if (firstDivergence == null) {
                    firstDivergence = verdict;
                }
            }
        }
        if (same == replays) {
            exact[column]++;
        }
        return String.format(Locale.ROOT, "round %d; %d/%d; %d/%d%s", failure.round(), failedAgain, replays, same,
                replays, firstDivergence == null ? "" : " (" + firstDivergence + ")");
    }

    private static CampaignResult run(Variant variant, CampaignSettings settings) {
        return Campaign.run(settings, (opener, timeout) -> RUNNER.run(opener, variant.round()),
                Campaign.Listener.NONE);
    }
}
