package dev.jostle.samples;

import dev.jostle.engine.RoundOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints the rows as an aligned plain-text table, then the evidence for anything that needs a look. */
final class SuiteTable {

    private static final String[] HEADERS = {
        "bug", "variant", "style", "no noise: rounds", "failed", "races", "jostled: rounds", "failed", "first failure",
        "kind", "seed", "verdict"};

    private SuiteTable() {
    }

    static void print(List<SuiteRow> rows, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADERS);
        for (SuiteRow row : rows) {
            RoundOutcome first = row.firstFailure();
            cells.add(new String[] {
                row.variant().bug(),
                row.variant().name(),
                row.variant().style().label(),
                Integer.toString(row.quiet().rounds()),
                Integer.toString(row.quiet().failures()),
                Integer.toString(row.quiet().races().size()),
                Integer.toString(row.noisy().rounds()),
                Integer.toString(row.noisy().failures()),
                first == null ? "-" : millis(row.timeToFirstFailure()),
                first == null ? "-" : first.kind().label() + (row.unexpectedKind() ? " (unexpected)" : ""),
                first == null ? "-" : Long.toString(first.report().seed()),
                row.verdict().toString()});
        }
        int[] widths = new int[HEADERS.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (int n = 0; n < cells.size(); n++) {
            out.println(line(cells.get(n), widths));
            if (n == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                out.println(line(rule, widths));
            }
        }
    }

    /** Why noise cannot expose the variants only the race detector caught, and the race it reported. */
    static void printKnownMisses(List<SuiteRow> rows, PrintStream out) {
        for (SuiteRow row : rows) {
            if (row.variant().outOfReach() != null && row.verdict() != Verdict.CAUGHT) {
                out.println();
                out.println(row.variant().name() + " is " + row.verdict() + ": noise cannot expose it, "
                        + row.variant().outOfReach() + ".");
                row.quiet().races().forEach(race -> out.println("  " + race.describe().replace("\n", "\n  ")));
            }
        }
    }

    /** The first failure of each fix that failed, with its evidence: that is what a reader must look at. */
    static void printFailedFixes(List<SuiteRow> rows, PrintStream out) {
        for (SuiteRow row : rows) {
            if (row.verdict() == Verdict.FALSE_ALARM && !row.noisy().found()) {
                out.println();
                out.println(row.variant().name() + " raced although no round failed:");
                row.quiet().races().forEach(race -> out.println("  " + race.describe().replace("\n", "\n  ")));
            } else if (row.verdict() == Verdict.FALSE_ALARM) {
                RoundOutcome first = row.firstFailure();
                out.println();
                out.println(row.variant().name() + " failed in round " + first.round() + " (seed "
                        + first.report().seed() + ", " + first.report().strategy() + "): " + first.headline());
                if (first.details() != null) {
                    out.println(first.details());
                }
            }
        }
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean number = i >= 3 && i <= 7;
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            text.append(number ? pad + cell : cell + pad);
            if (i < cells.length - 1) {
                text.append("  ");
            }
        }
        return text.toString().stripTrailing();
    }

    static String millis(Duration duration) {
        long ms = duration.toMillis();
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
