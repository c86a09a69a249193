package dev.jostle.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * A controlled round's schedule as a text table, threads as columns (Lincheck's trace table is the model): each
 * row is one step, or one thread performing the same thing several times in a row, in the order the scheduler
 * chose them, so every switch between threads shows as a move to another column. Only threads with a row get a
 * column: a round of a hundred threads shows the few that matter.
 *
 * <p>{@link #trimmed()} keeps what explains the failure: the steps at a switch between threads whose site
 * touches a variable of a reported race, or sits on a line of the failure's stack trace, the step on the other
 * side of that switch, and the last {@value #TAIL} steps; if that is more than {@value #ROWS} steps, the first
 * and the last half of them. What lies between is folded into "… N steps" rows, in the thread's column when one
 * thread ran them all. A schedule of at most {@value #WHOLE} steps is shown whole.
 * {@link #full()} shows every step kept. Values read and written are not shown: the hooks run before the
 * access, and carrying values would cost every access of every round.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class InterleavingTable {

    static final int TAIL = 6;
    static final int WHOLE = 40;
    static final int ROWS = 40;
    /** Wider cells are cut: a table of three threads should still fit a wide terminal. */
    static final int CELL = 64;
    private static final int FOLD = -1;

    private final Schedule schedule;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> lines;
    /** A cell per site and event: a schedule of a million steps has a few dozen. */
    private final Map<Long, String> cells = new HashMap<>();

    private InterleavingTable(Schedule schedule, List<Race> races, Set<String> lines) {
        this.schedule = schedule;
        for (Race race : races) {
            variables.add(race.variable());
        }
        this.lines = lines;
    }

    /**
     * The table of {@code schedule}, trimmed to the variables of {@code races} and the lines of {@code failure}
     * (null: none).
     */
    public static InterleavingTable of(Schedule schedule, List<Race> races, Throwable failure) {
        return new InterleavingTable(schedule, races, FailureLines.of(failure));
    }

    /** The steps that explain the failure, the rest folded. */
    public String trimmed() {
        int kept = schedule.kept();
        boolean[] shown = new boolean[kept];
        if (kept <= WHOLE) {
            Arrays.fill(shown, true);
            return render(shown);
        }
        for (int step = 0; step < kept; step++) {
            // In a lost update every step touches the variable: the ones at a switch tell the story.
            if (matters(step) && atSwitch(step)) {
                shown[step] = true;
                showSwitch(shown, step, step - 1);
                showSwitch(shown, step, step + 1);
            }
        }
        for (int step = Math.max(0, kept - TAIL); step < kept; step++) {
            shown[step] = true;
        }
        return render(capped(shown));
    }

    /** At most {@value #ROWS} steps: the first and the last half of those shown, the middle folded. */
    private static boolean[] capped(boolean[] shown) {
        int count = 0;
        for (boolean show : shown) {
            count += show ? 1 : 0;
        }
        int seen = 0;
        for (int step = 0; step < shown.length && count > ROWS; step++) {
            if (shown[step]) {
                seen++;
                if (seen > ROWS / 2 && seen <= count - ROWS / 2) {
                    shown[step] = false;
                }
            }
        }
        return shown;
    }

    private boolean atSwitch(int step) {
        int thread = schedule.thread(step);
        return step == 0 || schedule.thread(step - 1) != thread
                || step + 1 == schedule.kept() || schedule.thread(step + 1) != thread;
    }

    /** Every step kept. */
    public String full() {
        StringBuilder table = new StringBuilder();
        try {
            full(table);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return table.toString();
    }

    /** Every step kept, written row by row: up to {@link Schedule#kept()} rows are never one string. */
    public void full(Appendable out) throws IOException {
        boolean[] shown = new boolean[schedule.kept()];
        Arrays.fill(shown, true);
        render(shown, out);
    }

    private void showSwitch(boolean[] shown, int step, int neighbour) {
        if (neighbour >= 0 && neighbour < shown.length && schedule.thread(neighbour) != schedule.thread(step)) {
            shown[neighbour] = true;
        }
    }

    /** Whether the step touches a race's variable or sits on a line of the failure's stack. */
    boolean matters(int step) {
        Site site = Sites.get(schedule.site(step));
        if (site == null) {
            return false;
        }
        return site.member != null && variables.contains(site.member)
                || lines.contains(site.className + "." + site.methodName + ":" + site.line);
    }

    // ---- rendering ----------------------------------------------------------------------------

    /** One row: a run of one thread's identical steps, or a fold of steps not shown. */
    private record Row(int step, int thread, String text) {
    }

    private String render(boolean[] shown) {
        StringBuilder table = new StringBuilder();
        try {
            render(shown, table);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        return table.toString();
    }

    /** Two passes over the rows, one for the columns' widths and one to write them: no list of rows is kept. */
    private void render(boolean[] shown, Appendable table) throws IOException {
        for (int step = 0; step < shown.length; step++) {
            if (!shown[step] && (step == 0 || shown[step - 1]) && (step + 1 == shown.length || shown[step + 1])) {
                shown[step] = true; // a fold of one step takes the row the step itself would
            }
        }
        TreeMap<Integer, Integer> widths = new TreeMap<>();
        forEachRow(shown, row -> {
            if (row.thread != FOLD) {
                widths.merge(row.thread, Math.min(CELL, row.text.length()), Math::max);
            }
        });
        for (var column : widths.entrySet()) {
            column.setValue(Math.max(column.getValue(), header(column.getKey()).length()));
        }
        int stepWidth = Math.max(4, String.valueOf(schedule.kept()).length());
        line(table, pad("step", stepWidth), widths, null, -1);
        StringBuilder rule = new StringBuilder("-".repeat(stepWidth));
        for (int width : widths.values()) {
            rule.append("-+-").append("-".repeat(width));
        }
        table.append(rule).append('\n');
        IOException[] failed = new IOException[1];
        forEachRow(shown, row -> {
            if (failed[0] != null) {
                return;
            }
            String step = pad(row.step < 0 ? "" : String.valueOf(row.step), stepWidth);
            try {
                if (row.thread == FOLD) {
                    table.append(step).append(" | ").append(row.text).append('\n');
                } else {
                    line(table, step, widths, row.text, row.thread);
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

    /** A row with {@code text} in {@code thread}'s column; the header row when {@code text} is null. */
    private void line(Appendable table, String step, TreeMap<Integer, Integer> widths, String text, int thread)
            throws IOException {
        StringBuilder line = new StringBuilder(step);
        for (var column : widths.entrySet()) {
            String cell = text == null ? header(column.getKey()) : column.getKey() == thread ? cut(text) : "";
            line.append(" | ").append(pad(cell, column.getValue()));
            if (column.getKey() == thread) {
                break; // the columns right of the cell stay empty
            }
        }
        table.append(line.toString().stripTrailing()).append('\n');
    }

    private void forEachRow(boolean[] shown, Consumer<Row> action) {
        int step = 0;
        while (step < shown.length) {
            int end = step + 1;
            if (!shown[step]) {
                while (end < shown.length && !shown[end]) {
                    end++;
                }
                action.accept(fold(step, end));
            } else {
                String cell = cell(step);
                while (end < shown.length && shown[end] && schedule.thread(end) == schedule.thread(step)
                        && schedule.site(end) == schedule.site(step) && schedule.event(end) == schedule.event(step)) {
                    end++;
                }
                String text = end - step == 1 ? cell : cell + " ×" + (end - step);
                action.accept(new Row(step, schedule.thread(step), text));
            }
            step = end;
        }
    }

    /** Steps [from, to) not shown: in their thread's column if one thread ran them all, else across. */
    private Row fold(int from, int to) {
        TreeMap<Integer, Integer> perThread = new TreeMap<>();
        for (int step = from; step < to; step++) {
            perThread.merge(schedule.thread(step), 1, Integer::sum);
        }
        String count = "… " + (to - from) + (to - from == 1 ? " step" : " steps");
        if (perThread.size() == 1) {
            return new Row(-1, perThread.firstKey(), count);
        }
        StringBuilder text = new StringBuilder(count).append(" (");
        String separator = "";
        for (var thread : perThread.entrySet()) {
            text.append(separator).append(header(thread.getKey())).append(' ').append(thread.getValue());
            separator = ", ";
        }
        return new Row(-1, FOLD, text.append(')').toString());
    }

    /** {@code Class.method:line event member}, or the event alone for a step at no site (a wait, a park). */
    String cell(int step) {
        return cells.computeIfAbsent((long) schedule.site(step) << 8 | schedule.event(step) & 0xFF,
                key -> describe(step));
    }

    private String describe(int step) {
        Site site = Sites.get(schedule.site(step));
        int event = schedule.event(step) != 0 ? schedule.event(step) : site == null ? 0 : site.kind;
        if (site == null) {
            return Event.name(event);
        }
        return simpleName(site.className) + "." + site.methodName + (site.line > 0 ? ":" + site.line : "") + " "
                + Event.name(event) + (site.member == null ? "" : " " + member(site));
    }

    /** A field of the site's own class by its name alone: the cell has just named the class. */
    private static String member(Site site) {
        String own = site.className + ".";
        return site.member.startsWith(own) && site.member.indexOf('.', own.length()) < 0
                ? site.member.substring(own.length()) : simpleName(site.member);
    }

    private String header(int thread) {
        List<String> names = schedule.threads();
        return thread < names.size() ? names.get(thread) : "#" + thread;
    }

    /** {@code com.acme.Counter.count} reads {@code Counter.count}: the package is dropped, not the owner. */
    static String simpleName(String name) {
        int start = 0;
        int dot = name.indexOf('.');
        while (dot > 0 && dot + 1 < name.length() && Character.isLowerCase(name.charAt(start))) {
            start = dot + 1;
            dot = name.indexOf('.', start);
        }
        // A nested class by its own name (Outer$Inner reads Inner); an anonymous one (Outer$1) keeps its outer.
        int end = name.indexOf('.', start) < 0 ? name.length() : name.indexOf('.', start);
        int nested = name.lastIndexOf('$', end - 1);
        if (nested >= start && nested + 1 < end && Character.isJavaIdentifierStart(name.charAt(nested + 1))) {
            start = nested + 1;
        }
        return name.substring(start);
    }

    private static String cut(String text) {
        return text.length() <= CELL ? text : text.substring(0, CELL - 1) + "…";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
