package dev.jostle.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * A controlled round's schedule as a text table, threads as columns (Lincheck's trace table is the model): each
 * row is one step, or one thread performing the same thing several times in a row, in the order the scheduler
 * chose them, so every switch between threads shows as a move to another column. Only threads with a row get a
 * column: a round of a hundred threads shows the few that matter.
 *
 * <p>{@link #trimmed()} keeps what explains the failure and folds the rest into "… N steps" rows, in the
 * thread's column when one thread ran them all; {@link ScheduleRows} decides which steps those are, for this
 * table and the HTML {@link Timeline} alike. {@link #full()} shows every step kept. Values read and written are
 * not shown: the hooks run before the access, and carrying values would cost every access of every round.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InterleavingTable {

    /** Wider cells are cut: a table of three threads should still fit a wide terminal. */
    static final int CELL = 64;
    /** The most threads shown as columns; a schedule of more is listed (see {@link #render(boolean[], Appendable)}). */
    static final int MOST_COLUMNS = 8;

    private final ScheduleRows rows;
    private final Schedule schedule;

    private InterleavingTable(ScheduleRows rows) {
        this.rows = rows;
        this.schedule = rows.schedule();
    }

    /**
     * The table of {@code schedule}, trimmed to the variables of {@code races} and the lines of {@code failure}
     * (null: none).
     */
    public static InterleavingTable of(Schedule schedule, List<Race> races, Throwable failure) {
        return new InterleavingTable(ScheduleRows.of(schedule, races, failure));
    }

    /** The steps that explain the failure, the rest folded. */
    public String trimmed() {
        return render(rows.trimmed());
    }

    /** Every step kept. */
    public String full() {
        return render(rows.all());
    }

    /** Every step kept, written row by row: up to {@link Schedule#kept()} rows are never one string. */
    public void full(Appendable out) throws IOException {
        render(rows.all(), out);
    }

    /** One line per row: step, thread, cell. Its size grows with the steps, not with steps times threads. */
    private void list(boolean[] shown, Appendable out) throws IOException {
        int stepWidth = Math.max(4, String.valueOf(schedule.kept()).length());
        IOException[] failed = new IOException[1];
        rows.forEach(shown, row -> {
            if (failed[0] != null) {
                return;
            }
            try {
                String who = row.thread() == ScheduleRows.ACROSS ? "" : rows.threadName(row.thread());
                out.append(pad(row.fold() ? "" : String.valueOf(row.step()), stepWidth)).append(" | ")
                        .append(who).append(who.isEmpty() ? "" : ": ").append(cut(text(row))).append('\n');
            } catch (IOException problem) {
                failed[0] = problem;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (schedule.length() > schedule.kept()) {
            out.append("(the first " + schedule.kept() + " of " + schedule.length() + " decisions)\n");
        }
    }

    // ---- rendering ----------------------------------------------------------------------------

    private String render(boolean[] shown) {
        StringBuilder table = new StringBuilder();
        try {
            render(shown, table);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return table.toString();
    }

    /**
     * Two passes over the rows, one for the columns' widths and one to write them: no list of rows is kept. A
     * schedule of more than {@link #MOST_COLUMNS} threads is written as a list, a thread's name before each step:
     * as columns, a row of the thousandth thread would hold a thousand cells, and a million such rows of a full
     * trace fill a disk (a round of Commons Pool's tests wrote 84 GB).
     */
    private void render(boolean[] shown, Appendable table) throws IOException {
        if (schedule.threads().size() > MOST_COLUMNS) {
            list(shown, table);
            return;
        }
        TreeMap<Integer, Integer> widths = new TreeMap<>();
        rows.forEach(shown, row -> {
            if (row.thread() != ScheduleRows.ACROSS) {
                widths.merge(row.thread(), Math.min(CELL, text(row).length()), Math::max);
            }
        });
        for (var column : widths.entrySet()) {
            column.setValue(Math.max(column.getValue(), rows.threadName(column.getKey()).length()));
        }
        int stepWidth = Math.max(4, String.valueOf(schedule.kept()).length());
        line(table, pad("step", stepWidth), widths, null, -1);
        StringBuilder rule = new StringBuilder("-".repeat(stepWidth));
        for (int width : widths.values()) {
            rule.append("-+-").append("-".repeat(width));
        }
        table.append(rule).append('\n');
        IOException[] failed = new IOException[1];
        rows.forEach(shown, row -> {
            if (failed[0] != null) {
                return;
            }
            String step = pad(row.fold() ? "" : String.valueOf(row.step()), stepWidth);
            try {
                if (row.thread() == ScheduleRows.ACROSS) {
                    table.append(step).append(" | ").append(row.text()).append('\n');
                } else {
                    line(table, step, widths, text(row), row.thread());
                }
            } catch (IOException problem) {
                failed[0] = problem;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (schedule.length() > schedule.kept()) {
            table.append("(the first " + schedule.kept() + " of " + schedule.length() + " decisions)\n");
        }
    }

    /** A step row's cell with how often it repeats, or a fold's text. */
    private static String text(ScheduleRows.Row row) {
        return row.fold() || row.count() == 1 ? row.text() : row.text() + " ×" + row.count();
    }

    /** A row with {@code text} in {@code thread}'s column; the header row when {@code text} is null. */
    private void line(Appendable table, String step, TreeMap<Integer, Integer> widths, String text, int thread)
            throws IOException {
        StringBuilder line = new StringBuilder(step);
        for (var column : widths.entrySet()) {
            String cell = text == null ? rows.threadName(column.getKey())
                    : column.getKey() == thread ? cut(text) : "";
            line.append(" | ").append(pad(cell, column.getValue()));
            if (column.getKey() == thread) {
                break; // the columns right of the cell stay empty
            }
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cut(String text) {
        return text.length() <= CELL ? text : text.substring(0, CELL - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
