package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.schedule.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure report's section on a controlled round's schedule, and the file with all of it. */
class ScheduleTraceTests {

    private static final int WRITE = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
            "com.acme.Counter.count", false);

    @Test
    void failingRound_section_showsTheTableIndentedAndNamesTheFullTrace(@TempDir Path dir) throws IOException {
        String section = ScheduleTrace.section(schedule(), 42, List.of(), null, dir, "  ");

        Path file = ScheduleTrace.fileFor(dir, 42);
        assertTrue(section.contains("\n  step | main"), section);
        assertTrue(section.endsWith("  full trace: " + file.toAbsolutePath().normalize() + "\n"), section);
        String trace = Files.readString(file);
        assertTrue(trace.startsWith("seed 42, controlled-random: 2 decisions"), trace);
        assertTrue(trace.contains("1    |                                  | Counter.add:12 field-write count"), trace);
    }

    @Test
    void scheduleOfManyThreads_fullTrace_isAListWhoseSizeGrowsWithTheStepsAlone(@TempDir Path dir)
            throws IOException {
        String[] names = new String[300];
        for (int i = 0; i < names.length; i++) {
            names[i] = "worker-" + i;
        }
        FabricatedSchedule steps = new FabricatedSchedule(names);
        for (int i = 0; i < 3_000; i++) {
            steps.add(i % names.length, WRITE); // as columns, a row of thread k would be k cells wide
        }
        ScheduleTrace.section(steps.schedule(), 7, List.of(), null, dir, "");

        String trace = Files.readString(ScheduleTrace.fileFor(dir, 7));
        assertTrue(trace.contains("| worker-299: Counter.add:12 field-write count"), trace.substring(0, 400));
        assertTrue(trace.length() < 3_000 * 80, trace.length() + " characters for 3 000 steps");
    }

    @Test
    void cappedWriter_pastItsLimit_dropsTheRestAndSaysSo() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (java.io.Writer capped = new ScheduleTrace.CappedWriter(out, 1000)) {
            for (int i = 0; i < 10_000; i++) {
                capped.write("0123456789");
            }
        }

        String text = out.toString();
        assertTrue(text.startsWith("0123456789".repeat(100) + "\n… the trace stops here"), text);
        assertTrue(text.length() < 1100, text.length() + " characters");
    }

    @Test
    void folderThatCannotBeWritten_section_saysWhyAndStillShowsTheTable(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");

        String section = ScheduleTrace.section(schedule(), 42, List.of(), null, notAFolder, "  ");

        assertTrue(section.contains("  full trace not written: "), section);
        assertTrue(section.contains("Counter.add:12 field-write count"), section);
    }

    @Test
    void scheduleWithoutDecisions_section_isEmpty(@TempDir Path dir) {
        Schedule empty = Schedule.restored("controlled-random", new int[0], new int[0], new byte[0], 0, 0,
                List.of(), null, false);

        assertEquals("", ScheduleTrace.section(empty, 42, List.of(), null, dir, "  "));
    }

    private static Schedule schedule() {
        return Schedule.restored("controlled-random", new int[] {0, 1}, new int[] {WRITE, WRITE},
                new byte[] {Event.FIELD_WRITE, Event.FIELD_WRITE}, 2, 0, List.of("main", "adder"), null, false);
    }
}
