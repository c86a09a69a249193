package dev.jostle.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * A failing controlled round's schedule as the HTML report draws it: one lane per thread, the rows of the
 * trimmed interleaving table in order, and in each fold the rows it hides, up to {@value #EMBEDDED} rows for the
 * whole timeline. Kept in the test's JSON file with its text already made, because the page is rebuilt from the
 * files of many JVMs, and the site ids the schedule holds mean something only in the JVM that ran the round.
 *
 * @param schedule    the schedule in one line: policy, decisions, threads, whether fully controlled
 * @param lanes       the threads with a step or a fold of their own, by number
 * @param rows        the trimmed schedule's rows, in the order the scheduler chose them
 * @param traceFile   the name of the file with every step, next to the report ({@code schedule-<seed>.txt});
 *                    {@code null} when it was not written
 * @param decisions   how many decisions the round took
 * @param kept        how many of them were recorded step by step (the rows cover these)
 * @param notEmbedded how many steps of the folds are not in the rows (they are in the trace file)
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Timeline(String schedule, List<Lane> lanes, List<Row> rows, String traceFile, long decisions,
        int kept, int notEmbedded) {

    /** The most rows a timeline's folds hold: a page stays a few hundred kilobytes at most. */
    static final int EMBEDDED = 500;

    public Timeline {
        lanes = lanes == null ? List.of() : List.copyOf(lanes);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * One thread's lane.
     *
     * @param thread the thread's number in the schedule
     * @param name   the thread's name
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Lane(int thread, String name) {
    }

    /**
     * A step row (one thread performing {@code text} {@code count} times in a row) or a fold of {@code count}
     * steps not shown at first.
     *
     * @param step        the row's first step
     * @param count       how many steps the row stands for
     * @param thread      the thread that ran them; {@code null} for a fold of several threads' steps
     * @param text        {@code Class.method:line event member} for a step row, {@code … N steps (a 1, b 2)} for
     *                    a fold
     * @param fold        whether the row is a fold
     * @param switched    the step before the row's first one was another thread's
     * @param steps       a fold's own rows, every step shown (empty for a step row)
     * @param notEmbedded how many of a fold's steps its rows leave out
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Row(int step, int count, Integer thread, String text, boolean fold, boolean switched,
            List<Row> steps, int notEmbedded) {

        public Row {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * The timeline of {@code schedule}, trimmed as its {@link InterleavingTable} is: to the variables of
     * {@code races} and the lines of {@code failure} (null: none). {@code traceFile}: the name of the file
     * with every step, or null.
     */
    public static Timeline of(Schedule schedule, List<Race> races, Throwable failure, String traceFile) {
        ScheduleRows rows = ScheduleRows.of(schedule, races, failure);
        boolean[] all = rows.all();
        TreeSet<Integer> lanes = new TreeSet<>();
        List<Row> shown = new ArrayList<>();
        int[] room = {EMBEDDED};
        int[] notEmbedded = {0};
        rows.forEach(rows.trimmed(), row -> {
            if (!row.fold()) {
                lanes.add(row.thread());
                shown.add(step(row));
                return;
            }
            List<Row> inside = new ArrayList<>();
            int[] embedded = {0};
            rows.forEach(all, row.step(), row.step() + row.count(), step -> {
                if (room[0] > 0) {
                    room[0]--;
                    embedded[0] += step.count();
                    lanes.add(step.thread());
                    inside.add(step(step));
                }
            });
            boolean oneThread = row.thread() != ScheduleRows.ACROSS;
            if (oneThread) {
                lanes.add(row.thread());
            }
            notEmbedded[0] += row.count() - embedded[0];
            shown.add(new Row(row.step(), row.count(), oneThread ? row.thread() : null, row.text(), true,
                    row.switched(), inside, row.count() - embedded[0]));
        });
        List<Lane> named = new ArrayList<>();
        for (int thread : lanes) {
            named.add(new Lane(thread, rows.threadName(thread)));
        }
        return new Timeline(schedule.describe(), named, shown, traceFile, schedule.length(), schedule.kept(),
                notEmbedded[0]);
    }

    private static Row step(ScheduleRows.Row row) {
        return new Row(row.step(), row.count(), row.thread(), row.text(), false, row.switched(), List.of(), 0);
    }
}
