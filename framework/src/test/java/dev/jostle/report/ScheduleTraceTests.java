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
