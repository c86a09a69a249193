package dev.jostle.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one console line of a jostled test: its name, verdict, rounds with and without noise, failures, races,
 * seed and strategy, time, and where the details are. A failure's own message is not repeated here: the test
 * fails with it, and the build prints it.
 *
 * <pre>
 * jostle: org.acme.FooTests#bar: passed, 37 jostled rounds + 1 without noise, 0 failed, 2 races, seed 123 (mixed), 2.1s -&gt; target/jostle/org.acme.FooTests.bar.json
 * </pre>
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class SummaryLine {

    private SummaryLine() {
    }

    /** The line for {@code report}, pointing at {@code file} (null: no file was written). */
    public static String of(TestReport report, Path file) {
        StringBuilder line = new StringBuilder("jostle: ").append(report.test()).append(": ")
                .append(verdict(report)).append(", ")
                .append(count(report.jostledRounds(), "jostled round")).append(" + ")
                .append(report.roundsWithoutNoise()).append(" without noise, ")
                .append(report.failedRounds() + report.failedRoundsWithoutNoise()).append(" failed, ")
                .append(races(report)).append(", seed ").append(report.seed())
                .append(" (").append(report.strategy()).append("), ")
                .append(String.format(Locale.ROOT, "%.1fs", report.elapsedMillis() / 1000.0));
        if (file != null) {
            line.append(" -> ").append(shown(file));
        }
        return line.toString();
    }

    private static String verdict(TestReport report) {
        switch (report.verdict()) {
            case FAILED:
                return "FAILED";
            case NOT_JOSTLED:
                return report.minRounds() == null ? "NOT JOSTLED"
                        : "NOT JOSTLED (fewer than " + report.minRounds() + " jostled rounds)";
            default:
                return "passed";
        }
    }

    private static String races(TestReport report) {
        if ("off".equals(report.racePolicy())) {
            return "races not looked for";
        }
        String races = count(report.races().size(), "race");
        return report.failure() != null && "races".equals(report.failure().kind()) ? races + " (races = fail)" : races;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Relative to the working directory when inside it, as a user would type it. */
    private static String shown(Path file) {
        Path here = Paths.get("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
