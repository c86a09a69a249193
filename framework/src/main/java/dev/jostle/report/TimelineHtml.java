package dev.jostle.report;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Timeline} as an HTML table: a column per thread (a lane), a row per step in the order the scheduler
 * ran them, a rule above each switch to another thread. A fold is a {@code <details>} whose own table has the
 * same fixed columns, so its steps line up with the lanes when opened: no script.
 */
final class TimelineHtml {

    /** Fixed widths: a fold's own table lines up with the outer one only if both lay out the same. */
    private static final double STEP_EM = 4.5;
    private static final double LANE_EM = 20;
    private static final int COLOURS = 6;

    static final String STYLE = String.join("\n",
            ".timeline-scroll { overflow-x: auto; }",
            "table.timeline { table-layout: fixed; margin: 0; }",
            // On the outer table only: a fold's table inherits it, so the same widths in em are the same length.
            ".timeline-scroll > table.timeline { font-size: 85%; }",
            "table.timeline td, table.timeline th { overflow-wrap: anywhere; }",
            "table.timeline td.cell { font-family: ui-monospace, monospace; }",
            "table.timeline tr.switch > td { border-top: 2px solid #cf222e; }",
            "table.timeline td.folded { padding: 0; }",
            "table.timeline details { border: 0; border-radius: 0; margin: 0; padding: 0; }",
            "table.timeline summary { font-weight: normal; color: #59636e; padding: .25em .6em; }",
            "table.timeline details[open] > summary { border-bottom: 1px dashed #d0d7de; }",
            "table.timeline table.timeline { border-style: hidden; }",
            ".repeat { color: #59636e; }",
            ".lane-0 { background: #ddf4ff; }", ".lane-1 { background: #fff8c5; }",
            ".lane-2 { background: #dafbe1; }", ".lane-3 { background: #ffebe9; }",
            ".lane-4 { background: #fbefff; }", ".lane-5 { background: #ffefe0; }");

    private final Timeline timeline;
    /** Thread number to column. */
    private final Map<Integer, Integer> columns = new HashMap<>();
    private final String width;

    private TimelineHtml(Timeline timeline) {
        this.timeline = timeline;
        for (Timeline.Lane lane : timeline.lanes()) {
            columns.putIfAbsent(lane.thread(), columns.size());
        }
        addMissingLanes(timeline.rows());
        width = String.format(Locale.ROOT, "%.1fem", STEP_EM + LANE_EM * columns.size());
    }

    /** A file edited by hand may name a thread with no lane: it gets one rather than breaking the page. */
    private void addMissingLanes(List<Timeline.Row> rows) {
        for (Timeline.Row row : rows) {
            if (row.thread() != null) {
                columns.putIfAbsent(row.thread(), columns.size());
            }
            addMissingLanes(row.steps());
        }
    }

    static void append(StringBuilder page, Timeline timeline) {
        new TimelineHtml(timeline).append(page);
    }

    private void append(StringBuilder page) {
        page.append("<h3>Timeline</h3>\n<p class=\"timeline-about\">").append(Html.escape(timeline.schedule()))
                .append(". One lane per thread, the steps in the order the scheduler ran them, a red rule at each")
                .append(" switch to another thread; the steps that do not explain the failure are folded (open")
                .append(" a fold to see them).");
        if (timeline.decisions() > timeline.kept()) {
            page.append(" The round's first ").append(timeline.kept()).append(" of ").append(timeline.decisions())
                    .append(" decisions were recorded step by step.");
        }
        if (timeline.notEmbedded() > 0) {
            page.append(" The folds leave out ").append(timeline.notEmbedded())
                    .append(timeline.notEmbedded() == 1 ? " step" : " steps");
            page.append(timeline.traceFile() == null ? "." : ": every step is in " + traceLink() + ".");
        } else if (timeline.traceFile() != null) {
            page.append(" Every step, as text: ").append(traceLink()).append('.');
        }
        page.append("</p>\n<div class=\"timeline-scroll\">\n");
        openTable(page, "timeline");
        page.append("<thead><tr><th>step</th>");
        columns.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(column -> page
                .append("<th class=\"").append(colour(column.getKey())).append("\">")
                .append(Html.escape(name(column.getKey()))).append("</th>"));
        page.append("</tr></thead>\n<tbody>\n");
        rows(page, timeline.rows());
        page.append("</tbody>\n</table>\n</div>\n");
    }

    private void openTable(StringBuilder page, String classes) {
        page.append("<table class=\"").append(classes).append("\" style=\"width: ").append(width)
                .append("\">\n<colgroup><col style=\"width: ").append(STEP_EM).append("em\">");
        for (int i = 0; i < columns.size(); i++) {
            page.append("<col style=\"width: ").append(LANE_EM).append("em\">");
        }
        page.append("</colgroup>\n");
    }

    private void rows(StringBuilder page, List<Timeline.Row> rows) {
        for (Timeline.Row row : rows) {
            if (row.fold()) {
                fold(page, row);
            } else {
                step(page, row);
            }
        }
    }

    private void step(StringBuilder page, Timeline.Row row) {
        page.append("<tr class=\"step").append(row.switched() ? " switch" : "").append("\"><td class=\"number\">")
                .append(row.step()).append("</td>");
        int column = columns.get(row.thread());
        page.append("<td></td>".repeat(column));
        page.append("<td class=\"cell ").append(colour(row.thread())).append("\">").append(Html.escape(row.text()));
        if (row.count() > 1) {
            page.append(" <span class=\"repeat\">×").append(row.count()).append("</span>");
        }
        page.append("</td>").append("<td></td>".repeat(columns.size() - column - 1)).append("</tr>\n");
    }

    /** A fold: its summary spans the lanes, and opens onto its own rows in a table of the same columns. */
    private void fold(StringBuilder page, Timeline.Row row) {
        String summary = Html.escape(row.text()) + (row.thread() == null ? ""
                : " <span class=\"repeat\">(" + Html.escape(name(row.thread())) + ")</span>");
        page.append("<tr class=\"fold").append(row.switched() ? " switch" : "").append("\"><td class=\"folded")
                .append(row.thread() == null ? "" : " " + colour(row.thread())).append("\" colspan=\"")
                .append(columns.size() + 1).append("\">");
        if (row.steps().isEmpty()) {
            page.append("<p class=\"not-embedded\">").append(summary).append(": not in this page")
                    .append(timeline.traceFile() == null ? "" : ", see " + traceLink()).append("</p></td></tr>\n");
            return;
        }
        page.append("<details><summary>").append(summary).append("</summary>\n");
        openTable(page, "timeline");
        page.append("<tbody>\n");
        rows(page, row.steps());
        if (row.notEmbedded() > 0) {
            page.append("<tr class=\"not-embedded\"><td colspan=\"").append(columns.size() + 1).append("\">… ")
                    .append(row.notEmbedded()).append(" more ").append(row.notEmbedded() == 1 ? "step" : "steps")
                    .append(" not in this page").append(timeline.traceFile() == null ? "" : ", see " + traceLink())
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</details></td></tr>\n");
    }

    private String name(int thread) {
        for (Timeline.Lane lane : timeline.lanes()) {
            if (lane.thread() == thread) {
                return lane.name();
            }
        }
        return "#" + thread;
    }

    /** A lane's colour by its column, so that neighbouring lanes differ. */
    private String colour(int thread) {
        return "lane-" + columns.get(thread) % COLOURS;
    }

    private String traceLink() {
        String file = Html.escape(timeline.traceFile());
        return "<a class=\"trace\" href=\"" + file + "\">" + file + "</a>";
    }
}
