package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a controlled round's schedule reads as a table, and what trimming keeps of it. */
class InterleavingTableTests {

    private static final int READ = Sites.register(Event.FIELD_READ, "com.acme.Counter", "add", "Counter.java", 12,
            "com.acme.Counter.count", false);
    private static final int WRITE = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
            "com.acme.Counter.count", false);
    private static final int BUSY = Sites.register(Event.FIELD_READ, "com.acme.Worker", "spin", "Worker.java", 30,
            "com.acme.Worker.idle", false);
    private static final int CHECK = Sites.register(Event.FIELD_READ, "com.acme.Main", "main", "Main.java", 7,
            "com.acme.Main.done", false);

    @Test
    void shortSchedule_trimmed_showsEveryStepInItsThreadsColumn() {
        Schedule schedule = new FabricatedSchedule().add(1, READ).add(2, READ).add(1, WRITE).add(2, WRITE).schedule();

        String table = InterleavingTable.of(schedule, List.of(), null).trimmed();

        assertEquals(""
                + "step | adder-a                          | adder-b\n"
                + "-----+----------------------------------+---------------------------------\n"
                + "0    | Counter.add:12 field-read count\n"
                + "1    |                                  | Counter.add:12 field-read count\n"
                + "2    | Counter.add:12 field-write count\n"
                + "3    |                                  | Counter.add:12 field-write count\n",
                table);
    }

    @Test
    void repeatedStepOfOneThread_rendersAsOneRowWithACount() {
        Schedule schedule = new FabricatedSchedule().add(1, BUSY).add(1, BUSY).add(1, BUSY).add(2, READ).schedule();

        String table = InterleavingTable.of(schedule, List.of(), null).full();

        assertTrue(table.contains("0    | Worker.spin:30 field-read idle ×3"), table);
        assertTrue(table.contains("3    |                                   | Counter.add:12"), table);
    }

    @Test
    void longSchedule_trimmed_keepsTheRacesStepsWithTheirSwitchesAndTheLastSteps() {
        FabricatedSchedule steps = new FabricatedSchedule().add(0, CHECK);
        steps.repeat(1, BUSY, 50).add(1, READ).add(2, READ).add(1, WRITE).add(2, WRITE);
        steps.repeat(2, BUSY, 50).repeat(0, BUSY, 3).repeat(1, BUSY, 3).add(0, CHECK);
        Schedule schedule = steps.schedule();

        String table = InterleavingTable.of(schedule, List.of(race("com.acme.Counter.count")), null).trimmed();

        List<String> rows = table.lines().skip(2).toList();
        String blank = " ".repeat(35);
        assertEquals(List.of(
                "     | … 51 steps (main 1, adder-a 50)",
                "51   |" + blank + "| Counter.add:12 field-read count",
                "52   |" + blank + "|" + blank + "| Counter.add:12 field-read count",
                "53   |" + blank + "| Counter.add:12 field-write count",
                "54   |" + blank + "|" + blank + "| Counter.add:12 field-write count",
                "     | … 51 steps (main 1, adder-b 50)",
                "106  | Worker.spin:30 field-read idle ×2",
                "108  |" + blank + "| Worker.spin:30 field-read idle ×3",
                "111  | Main.main:7 field-read done"), rows, table);
    }

    @Test
    void lostUpdateWhereEveryStepTouchesTheVariable_trimmed_showsTheSwitchesAndAtMostRowsSteps() {
        FabricatedSchedule steps = new FabricatedSchedule();
        for (int run = 0; run < 100; run++) {
            steps.repeat(1 + run % 2, run % 3 == 0 ? WRITE : READ, 5);
        }
        Schedule schedule = steps.schedule();

        String table = InterleavingTable.of(schedule, List.of(race("com.acme.Counter.count")), null).trimmed();

        List<String> stepRows = table.lines().skip(2).filter(row -> !row.contains("…")).toList();
        assertTrue(stepRows.size() <= ScheduleRows.ROWS, table);
        assertTrue(stepRows.get(0).startsWith("0    | Counter.add:12 field-write count"), table);
        assertTrue(stepRows.get(1).startsWith("4    | Counter.add:12 field-write count"), table);
        assertTrue(table.contains("| … 3 steps"), "the middle of a run is folded in its column: " + table);
        assertTrue(table.contains("495  |                                  | Counter.add:12 field-write count ×5"),
                "the last steps are shown: " + table);
    }

    @Test
    void stepOnTheFailuresLine_trimmed_isKept_andOthersFolded() {
        FabricatedSchedule steps = new FabricatedSchedule();
        steps.repeat(1, BUSY, 30).add(0, CHECK).repeat(1, BUSY, 30);
        Schedule schedule = steps.schedule();
        AssertionError failure = new AssertionError("done too early");
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.acme.Main", "main", "Main.java", 7)});

        String table = InterleavingTable.of(schedule, List.of(), failure).trimmed();

        assertTrue(table.contains("30   | Main.main:7 field-read done"), table);
        assertTrue(table.contains("29   |                             | Worker.spin:30"), table);
        assertTrue(table.contains("| … 29 steps"), table);
        assertFalse(table.contains("Main.main:7 field-read done ×"), table);
    }

    @Test
    void scheduleLongerThanKept_rendersSayHowMuchIsShown() {
        Schedule schedule = Schedule.restored("controlled-random", new int[] {1}, new int[] {READ},
                new byte[] {Event.FIELD_READ}, 5_000_000, 1, List.of("main", "adder-a"), null, false);

        assertTrue(InterleavingTable.of(schedule, List.of(), null).full().endsWith(
                "(the first 1 of 5000000 decisions)\n"));
    }

    private static Race race(String variable) {
        return new Race(variable, new Race.Access("adder-a", false, Sites.get(READ), List.of()),
                new Race.Access("adder-b", true, Sites.get(WRITE), List.of()));
    }
}
