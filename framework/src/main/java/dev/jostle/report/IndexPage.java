package dev.jostle.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code index.html}: a summary table of every jostled test, then each test's details (settings, failure and
 * replay, a failing controlled round's {@link Timeline}, races with both accesses and both stacks).
 * Self-contained: no script, no external style, nothing fetched. Every piece of text from a report is escaped
 * (stack frames hold {@code <init>}, messages hold anything).
 */
final class IndexPage {

    private static final String STYLE = String.join("\n",
            "body { font-family: system-ui, sans-serif; margin: 1.5em; color: #1f2328; }",
            "table { border-collapse: collapse; margin: .5em 0; }",
            "th, td { border: 1px solid #d0d7de; padding: .25em .6em; text-align: left; vertical-align: top; }",
            "th { background: #f6f8fa; }",
            "#summary, table.accesses { width: 100%; }",
            "#summary td:not(:first-child), table.accesses td:not(:last-child) { width: 1%; white-space: nowrap; }",
            "#summary td:first-child, table.accesses code { overflow-wrap: anywhere; }",
            "td.number { text-align: right; font-variant-numeric: tabular-nums; }",
            ".passed { color: #1a7f37; }",
            ".failed { color: #cf222e; font-weight: bold; }",
            ".not-jostled { color: #9a6700; font-weight: bold; }",
            "details { border: 1px solid #d0d7de; border-radius: 6px; padding: .4em .8em; margin: .6em 0; }",
            "summary { cursor: pointer; font-weight: bold; }",
            "pre { background: #f6f8fa; padding: .6em; overflow-x: auto; white-space: pre-wrap; }",
            "code, pre { font-family: ui-monospace, monospace; font-size: 90%; }",
            "dl { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }",
            "dt { color: #59636e; }", "dd { margin: 0; }", TimelineHtml.STYLE);

    private IndexPage() {
    }

    static String render(List<TestReport> reports) {
        List<TestReport> ordered = new ArrayList<>(reports);
        ordered.sort(Comparator.comparingInt(IndexPage::urgency).thenComparing(TestReport::test));
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Jostle: jostled tests</title>\n<style>\n").append(STYLE).append("\n</style>\n")
                .append("</head>\n<body>\n<h1>Jostled tests</h1>\n");
        headline(page, ordered);
        summaryTable(page, ordered);
        page.append("<h2>Details</h2>\n");
        for (int i = 0; i < ordered.size(); i++) {
            details(page, ordered.get(i), i);
        }
        return page.append("</body>\n</html>\n").toString();
    }

    /** Failed first, then not jostled, then passed with races, then the rest. */
    private static int urgency(TestReport report) {
        if (report.verdict() == Verdict.FAILED) {
            return 0;
        }
        if (report.verdict() == Verdict.NOT_JOSTLED) {
            return 1;
        }
        return report.races().isEmpty() ? 3 : 2;
    }

    private static void headline(StringBuilder page, List<TestReport> reports) {
        long failed = reports.stream().filter(r -> r.verdict() == Verdict.FAILED).count();
        long notJostled = reports.stream().filter(r -> r.verdict() == Verdict.NOT_JOSTLED).count();
        long races = reports.stream().mapToLong(r -> r.races().size()).sum();
        page.append("<p id=\"totals\">").append(reports.size()).append(reports.size() == 1 ? " test: " : " tests: ")
                .append(reports.size() - failed - notJostled).append(" passed, ").append(failed).append(" failed, ")
                .append(notJostled).append(" not jostled; ").append(races).append(races == 1 ? " race" : " races")
                .append(". One JSON file per test sits next to this page; a test run rebuilds it from all of")
                .append(" them.</p>\n");
    }

    private static void summaryTable(StringBuilder page, List<TestReport> reports) {
        page.append("<table id=\"summary\">\n<thead><tr><th>Test</th><th>Verdict</th><th>Jostled rounds</th>")
                .append("<th>Without noise</th><th>Failed rounds</th><th>Races</th><th>Seed</th><th>Strategy</th>")
                .append("<th>Time</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < reports.size(); i++) {
            TestReport report = reports.get(i);
            page.append("<tr><td><a href=\"#").append(anchor(i)).append("\">").append(Html.escape(report.test()))
                    .append("</a></td>").append(verdictCell(report))
                    .append(number(report.jostledRounds()))
                    .append(number(report.roundsWithoutNoise()))
                    .append(number(report.failedRounds() + report.failedRoundsWithoutNoise()))
                    .append("off".equals(report.racePolicy()) ? "<td>off</td>" : number(report.races().size()))
                    .append(number(report.seed()))
                    .append("<td>").append(Html.escape(report.strategy())).append("</td>")
                    .append(number(seconds(report.elapsedMillis()))).append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void details(StringBuilder page, TestReport report, int i) {
        page.append("<details id=\"").append(anchor(i)).append('"')
                .append(report.verdict() == Verdict.PASSED ? "" : " open").append(">\n<summary>")
                .append(Html.escape(report.test())).append(" <span class=\"").append(report.verdict().id())
                .append("\">").append(report.verdict().id()).append("</span></summary>\n");
        page.append("<dl>\n");
        item(page, "jostled rounds", report.jostledRounds()
                + (report.minRounds() == null ? "" : " (at least " + report.minRounds() + " needed)"));
        item(page, "rounds without noise", report.roundsWithoutNoise());
        item(page, "failed rounds", report.failedRounds() + " jostled, " + report.failedRoundsWithoutNoise()
                + " without noise");
        item(page, "seed", report.seed() + " (" + report.strategy() + ")");
        item(page, "time", seconds(report.elapsedMillis()));
        if (report.normalDurationMillis() != null) {
            item(page, "normal duration", seconds(report.normalDurationMillis()));
        }
        if (report.roundTimeoutMillis() != null) {
            item(page, "round timeout", seconds(report.roundTimeoutMillis()));
        }
        item(page, "noise events", report.noiseEvents());
        item(page, "races", report.racePolicy());
        if (report.finishedAt() != null) {
            item(page, "finished", report.finishedAt());
        }
        page.append("<dt>report</dt><dd><a href=\"").append(Html.escape(report.test().replace('#', '.') + ".json"))
                .append("\">").append(Html.escape(report.test().replace('#', '.') + ".json")).append("</a></dd>\n");
        page.append("</dl>\n");
        if (report.failure() != null) {
            failure(page, report.failure());
        }
        if (!report.races().isEmpty()) {
            page.append("<h3>").append(report.races().size())
                    .append(report.races().size() == 1 ? " data race" : " data races").append("</h3>\n");
            for (RaceReport race : report.races()) {
                race(page, race);
            }
        }
        page.append("</details>\n");
    }

    private static void failure(StringBuilder page, TestReport.Failure failure) {
        page.append("<h3>Failure: ").append(Html.escape(failure.kind())).append("</h3>\n<dl>\n");
        item(page, "message", failure.message());
        if (failure.phase() != null) {
            item(page, "round", (failure.round() == null ? "" : failure.round() + ", ") + failure.phase());
        }
        if (failure.thread() != null) {
            item(page, "thread", failure.thread());
        }
        if (failure.seed() != null) {
            item(page, "seed", failure.seed() + (failure.strategy() == null ? "" : " (" + failure.strategy() + ")"));
        }
        if (failure.replay() != null) {
            page.append("<dt>replay</dt><dd><code>").append(Html.escape(failure.replay())).append("</code>");
            if (failure.replayAnnotation() != null) {
                page.append(" or <code>").append(Html.escape(failure.replayAnnotation())).append("</code>");
            }
            page.append("</dd>\n");
        }
        if (failure.replays() != null && failure.replays() > 0) {
            item(page, "replays", "failed again in " + failure.failedAgain() + " of " + failure.replays());
        }
        page.append("</dl>\n");
        if (failure.timeline() != null) {
            TimelineHtml.append(page, failure.timeline());
        }
        if (failure.report() != null) {
            page.append("<pre class=\"failure\">").append(Html.escape(failure.report())).append("</pre>\n");
        }
    }

    private static void race(StringBuilder page, RaceReport race) {
        page.append("<h4>data race on <code class=\"field\">").append(Html.escape(race.field()))
                .append("</code></h4>\n")
                .append("<table class=\"accesses\">\n<thead><tr><th></th><th>Thread</th><th>Access</th><th>Site</th>")
                .append("</tr></thead>\n<tbody>\n");
        List<RaceReport.Access> accesses = race.accesses();
        for (int i = 0; i < accesses.size(); i++) {
            RaceReport.Access access = accesses.get(i);
            page.append("<tr><td>").append(i == 0 ? "earlier" : "later").append("</td><td>")
                    .append(Html.escape(access.thread())).append("</td><td>").append(Html.escape(access.kind()))
                    .append("</td><td><code>").append(Html.escape(access.site() == null ? "(unknown)" : access.site()))
                    .append("</code></td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");
        for (int i = 0; i < accesses.size(); i++) {
            RaceReport.Access access = accesses.get(i);
            page.append("<p>Stack of the ").append(i == 0 ? "earlier" : "later").append(" access (")
                    .append(Html.escape(access.kind())).append(" in ").append(Html.escape(access.thread()))
                    .append(")");
            if (access.stack().isEmpty()) {
                page.append(": not recorded").append(i == 0 ? " (its thread did not come back to this site)" : "")
                        .append("</p>\n");
                continue;
            }
            if (RaceReport.NEXT_ACCESS_HERE.equals(access.stackFrom())) {
                page.append(", taken at its thread's next access here");
            }
            page.append(":</p>\n<pre class=\"stack\">");
            for (String frame : access.stack()) {
                page.append("at ").append(Html.escape(frame)).append('\n');
            }
            page.append("</pre>\n");
        }
    }

    private static String verdictCell(TestReport report) {
        return "<td class=\"" + report.verdict().id() + "\">" + report.verdict().id() + "</td>";
    }

    private static String number(Object value) {
        return "<td class=\"number\">" + Html.escape(value) + "</td>";
    }

    private static void item(StringBuilder page, String name, Object value) {
        page.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static String anchor(int i) {
        return "test-" + (i + 1);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
