package dev.jostle.samples;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundRunner;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the sample bug suites and prints one row per variant: how often it fails with noise off, whether
 * jostling catches it, and the verdict. Exits with status 1 when a broken variant was missed (other than
 * one the catalogue declares out of noise's reach, which is printed as such) or a fix failed. This is the
 * README's first command: {@code java -jar samples/target/jostle-samples.jar}.
 */
public final class SampleSuites {

    private final SuiteOptions options;
    private final PrintStream out;
    private final RoundRunner runner;

    public SampleSuites(SuiteOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.runner = RoundRunner.builder().timeout(options.timeout()).name("sample-round").build();
    }

    public static void main(String[] args) {
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args, System.console() != null);
        } catch (IllegalArgumentException badArguments) {
            System.err.println(badArguments.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new SampleSuites(options, System.out).runAll());
    }

    /** Runs every selected variant, prints the table, and returns the exit status. */
    public int runAll() {
        if (!JostleRuntime.isInstalled()) {
            out.println("jostle: the agent is not installed, so there is no noise and no broken sample can be caught.");
            out.println("jostle: run with java -jar samples/target/jostle-samples.jar (it starts the agent itself).");
        }
        List<Variant> selected = new ArrayList<>();
        for (Variant variant : Catalogue.variants()) {
            if (options.selects(variant)) {
                selected.add(variant);
            }
        }
        if (selected.isEmpty()) {
            out.println("jostle: no sample matches --only " + options.only());
            return 2;
        }
        out.printf(Locale.ROOT, "Jostle samples: %d variants; %d rounds each without noise, then jostled "
                + "(broken: up to %d rounds, stopping at the first failure; fixes: %d rounds) under %s; seed %d%n%n",
                selected.size(), options.quietRounds(), options.brokenRounds(), options.fixRounds(),
                options.strategy().id(), options.seed());
        long start = System.nanoTime();
        List<SuiteRow> rows = new ArrayList<>();
        Progress progress = new Progress(options.progress(), selected.size());
        for (Variant variant : selected) {
            rows.add(run(variant, progress));
        }
        progress.clear();
        SuiteTable.print(rows, out);
        SuiteTable.printKnownMisses(rows, out);
        SuiteTable.printFailedFixes(rows, out);
        long caught = rows.stream().filter(r -> r.verdict() == Verdict.CAUGHT).count();
        long raced = rows.stream().filter(r -> r.verdict() == Verdict.CAUGHT_RACE).count();
        long broken = rows.stream().filter(r -> r.variant().broken()).count();
        long survived = rows.stream().filter(r -> r.verdict() == Verdict.SURVIVED).count();
        out.printf(Locale.ROOT, "%nCaught %d of %d broken variants (%d by noise, %d by the race detector alone);"
                + " %d of %d fixes survived with no failure and no race; %s.%n", caught + raced,
                broken, caught, raced, survived, rows.size() - broken,
                SuiteTable.millis(Duration.ofNanos(System.nanoTime() - start)));
        return rows.stream().allMatch(SuiteRow::acceptable) ? 0 : 1;
    }

    /** Runs one variant: first with noise off, counting failures; then jostled. */
    public SuiteRow run(Variant variant, Progress progress) {
        CampaignResult quiet;
        if (options.quietRounds() == 0) {
            CampaignSettings none = CampaignSettings.of(Strategy.NONE, options.seed(), 1, Duration.ZERO)
                    .withStopAtFirstFailure(false);
            quiet = new CampaignResult(none, 0, 0, null, Duration.ZERO, null, List.of());
        } else {
            // Noise off, race detector on: the "works but broken" face, and races even in rounds that pass.
            quiet = campaign(variant, CampaignSettings.of(Strategy.NONE, options.seed(), options.quietRounds(),
                    Duration.ZERO).withStopAtFirstFailure(false).withRaceDetection(true), progress, "no noise");
        }
        int jostled = variant.broken() ? options.brokenRounds() : options.fixRounds();
        CampaignSettings noisySettings = CampaignSettings.of(options.strategy(), options.seed(), jostled,
                Duration.ZERO)
                .withStopAtFirstFailure(variant.broken());
        CampaignResult noisy = campaign(variant, noisySettings, progress, "jostled");
        progress.done(variant);
        return new SuiteRow(variant, quiet, noisy);
    }

    private CampaignResult campaign(Variant variant, CampaignSettings settings, Progress progress, String phase) {
        return Campaign.run(settings, (opener, timeout) -> runner.run(opener, variant.round()),
                (outcome, done, elapsed) -> progress.show(variant, phase, done, settings.rounds()));
    }

    /** A single line, rewritten in place, on a terminal; nothing otherwise. */
    public static final class Progress {
        private final boolean enabled;
        private final int total;
        private int finished;
        private long lastShown;

        public Progress(boolean enabled, int total) {
            this.enabled = enabled;
            this.total = total;
        }

        synchronized void show(Variant variant, String phase, int done, int rounds) {
            long now = System.nanoTime();
            if (!enabled || now - lastShown < 100_000_000L && done < rounds) {
                return;
            }
            lastShown = now;
            String line = String.format(Locale.ROOT, "[%d/%d] %s: %s round %d/%d", finished + 1, total,
                    variant.name(), phase, done, rounds);
            System.out.print("\r" + line + "\u001b[K");
            System.out.flush();
        }

        synchronized void done(Variant variant) {
            finished++;
        }

        synchronized void clear() {
            if (enabled) {
                System.out.print("\r\u001b[K");
                System.out.flush();
            }
        }
    }
}
