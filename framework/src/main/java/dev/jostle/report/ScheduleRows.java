package dev.jostle.report;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A controlled round's schedule as rows, in the order the scheduler chose the steps: each row is one step, one
 * thread performing the same thing several times in a row, or a fold of steps not shown. What to show is decided
 * here, once, for the text table ({@link InterleavingTable}) and the HTML timeline ({@link Timeline}) alike.
 *
 * <p>{@link #trimmed()} keeps what explains the failure: the steps at a switch between threads whose site
 * touches a variable of a reported race, or sits on a line of the failure's stack trace, the step on the other
 * side of that switch, and the last {@value #TAIL} steps; if that is more than {@value #ROWS} steps, the first
 * and the last half of them. What lies between is folded. A schedule of at most {@value #WHOLE} steps is shown
 * whole.
 */
final class ScheduleRows {

    static final int TAIL = 6;
    static final int WHOLE = 40;
    static final int ROWS = 40;
    /** The thread of a fold whose steps more than one thread ran. */
    static final int ACROSS = -1;

    /**
     * One row: {@code count} steps from {@code step} on. A step row is one thread performing {@code text}
     * {@code count} times in a row; a fold stands for steps not shown, in {@code thread}'s lane when one thread
     * ran them all, else {@link #ACROSS}, and its text says how many each thread ran. {@code switched}: the
     * thread before the row's first step was another one.
     */
    record Row(int step, int count, int thread, String text, boolean fold, boolean switched) {
    }

    private final Schedule schedule;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> lines;
    /** A cell per site and event: a schedule of a million steps has a few dozen. */
    private final Map<Long, String> cells = new HashMap<>();

    private ScheduleRows(Schedule schedule, List<Race> races, Set<String> lines) {
        this.schedule = schedule;
        for (Race race : races) {
            variables.add(race.variable());
        }
        this.lines = lines;
    }

    /** The rows of {@code schedule}, trimmed to the variables of {@code races} and the lines of {@code failure}. */
    static ScheduleRows of(Schedule schedule, List<Race> races, Throwable failure) {
        return new ScheduleRows(schedule, races, FailureLines.of(failure));
    }

    Schedule schedule() {
        return schedule;
    }

    /** Which steps to show: those that explain the failure. */
    boolean[] trimmed() {
        int kept = schedule.kept();
        boolean[] shown = new boolean[kept];
        if (kept <= WHOLE) {
            return all();
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
        capped(shown);
        for (int step = 0; step < kept; step++) {
            if (!shown[step] && (step == 0 || shown[step - 1]) && (step + 1 == kept || shown[step + 1])) {
                shown[step] = true; // a fold of one step takes the row the step itself would
            }
        }
        return shown;
    }

    /** Every step kept. */
    boolean[] all() {
        boolean[] shown = new boolean[schedule.kept()];
        Arrays.fill(shown, true);
        return shown;
    }

    /** At most {@value #ROWS} steps: the first and the last half of those shown, the middle folded. */
    private static void capped(boolean[] shown) {
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
    }

    private boolean atSwitch(int step) {
        int thread = schedule.thread(step);
        return step == 0 || schedule.thread(step - 1) != thread
                || step + 1 == schedule.kept() || schedule.thread(step + 1) != thread;
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

    /** The rows of every step, the steps not {@code shown} folded; no list of rows is kept. */
    void forEach(boolean[] shown, Consumer<Row> action) {
        forEach(shown, 0, shown.length, action);
    }

    /** The rows of the steps {@code [from, to)}. */
    void forEach(boolean[] shown, int from, int to, Consumer<Row> action) {
        int step = from;
        while (step < to) {
            int end = step + 1;
            if (!shown[step]) {
                while (end < to && !shown[end]) {
                    end++;
                }
                action.accept(fold(step, end));
            } else {
                while (end < to && shown[end] && schedule.thread(end) == schedule.thread(step)
                        && schedule.site(end) == schedule.site(step) && schedule.event(end) == schedule.event(step)) {
                    end++;
                }
                action.accept(new Row(step, end - step, schedule.thread(step), cell(step), false, switched(step)));
            }
            step = end;
        }
    }

    private boolean switched(int step) {
        return step > 0 && schedule.thread(step - 1) != schedule.thread(step);
    }

    /** Steps [from, to) not shown: in their thread's lane if one thread ran them all, else across. */
    private Row fold(int from, int to) {
        TreeMap<Integer, Integer> perThread = new TreeMap<>();
        for (int step = from; step < to; step++) {
            perThread.merge(schedule.thread(step), 1, Integer::sum);
        }
        String count = "… " + (to - from) + (to - from == 1 ? " step" : " steps");
        if (perThread.size() == 1) {
            return new Row(from, to - from, perThread.firstKey(), count, true, switched(from));
        }
        StringBuilder text = new StringBuilder(count).append(" (");
        String separator = "";
        for (var thread : perThread.entrySet()) {
            text.append(separator).append(threadName(thread.getKey())).append(' ').append(thread.getValue());
            separator = ", ";
        }
        return new Row(from, to - from, ACROSS, text.append(')').toString(), true, switched(from));
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

    /** The thread's name, or {@code #n} for a number the schedule has no name for. */
    String threadName(int thread) {
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
}
