package dev.jostle.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The interleaving that broke a controlled round, for a failure report: its {@link InterleavingTable} trimmed,
 * and the whole of it in {@code schedule-<seed>.txt} in the reports folder, which the report names; for the
 * HTML report, its {@link Timeline}. Writing the file never fails the report: a file that cannot be written is
 * named with the reason.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ScheduleTrace {

    private ScheduleTrace() {
    }

    /** {@code schedule-<seed>.txt}: a round seed names one schedule, which its replay takes again. */
    public static Path fileFor(Path dir, long seed) {
        return dir.resolve("schedule-" + seed + ".txt");
    }

    /**
     * The report's section on {@code schedule}, the failing round's (seed {@code seed}), each line after the
     * first indented by {@code indent}; the full trace is written under {@code dir}. Empty for a schedule
     * without decisions.
     */
    public static String section(Schedule schedule, long seed, List<Race> races, Throwable failure, Path dir,
            String indent) {
        if (schedule.kept() == 0) {
            return "";
        }
        InterleavingTable table = InterleavingTable.of(schedule, races, failure);
        String written;
        try {
            written = "full trace: " + write(fileFor(dir, seed), schedule, seed, table);
        } catch (IOException | RuntimeException problem) {
            written = "full trace not written: " + problem;
        }
        StringBuilder text = new StringBuilder("the interleaving that broke it (threads as columns, in the order"
                + " they ran; the steps on the races' variables and the failure's lines, the switches around"
                + " them and the last steps; the rest folded):\n");
        for (String line : table.trimmed().split("\n")) {
            text.append(indent).append(line).append('\n');
        }
        return text.append(indent).append(written).append('\n').toString();
    }

    /**
     * The HTML report's timeline of {@code schedule}, the failing round's (seed {@code seed}), pointing at its
     * full trace when {@link #section} wrote it under {@code dir}; null for a schedule without decisions, or one
     * that cannot be drawn (a report is never lost to its timeline).
     */
    public static Timeline timeline(Schedule schedule, long seed, List<Race> races, Throwable failure, Path dir) {
        if (schedule.kept() == 0) {
            return null;
        }
        try {
            Path file = dir == null ? null : fileFor(dir, seed);
            String name = file != null && Files.isRegularFile(file) ? file.getFileName().toString() : null;
            return Timeline.of(schedule, races, failure, name);
        } catch (RuntimeException problem) {
            return null;
        }
    }

    private static Path write(Path file, Schedule schedule, long seed, InterleavingTable table) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = new CappedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), MOST_CHARS)) {
            out.append("seed ").append(String.valueOf(seed)).append(", ").append(schedule.describe())
                    .append("\nevery step: the thread chosen, and what it went on to perform\n\n");
            table.full(out);
        }
        return file.toAbsolutePath().normalize();
    }

    /** The most characters a trace file holds (about 64 MB): a report must never fill the disk it is written to. */
    static final long MOST_CHARS = 64L << 20;

    /** Writes up to a limit, then one line saying so, and drops the rest. */
    static final class CappedWriter extends Writer {
        private final Writer out;
        private final long limit;
        private long written;
        private boolean cut;

        CappedWriter(Writer out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (cut) {
                return;
            }
            long room = limit - written;
            if (length <= room) {
                out.write(chars, offset, length);
                written += length;
                return;
            }
            out.write(chars, offset, (int) room);
            written = limit;
            cut = true;
            out.write("\n… the trace stops here: the file holds at most " + (limit >> 20) + " MB\n");
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
