package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.schedule.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a step reads in the interleaving table and the timeline alike. */
class ScheduleRowsTests {

    @Test
    void packageNames_simpleName_dropsThePackageButKeepsTheOwner() {
        assertEquals("Counter.count", ScheduleRows.simpleName("com.acme.Counter.count"));
        assertEquals("Cell.value", ScheduleRows.simpleName("com.acme.Counter$Cell.value"));
        assertEquals("Counter$1", ScheduleRows.simpleName("com.acme.Counter$1"));
        assertEquals("Cell", ScheduleRows.simpleName("com.acme.Counter$Cell"));
        assertEquals("int[]", ScheduleRows.simpleName("int[]"));
        assertEquals("Counter", ScheduleRows.simpleName("Counter"));
    }

    @Test
    void memberOfAnotherClass_cell_keepsItsOwner() {
        int start = Sites.register(Event.SYNC_CALL, "com.acme.Main", "main", "Main.java", 5, "java.lang.Thread.start",
                false);
        Schedule schedule = new FabricatedSchedule().add(0, start).schedule();

        assertEquals("Main.main:5 sync-call Thread.start", ScheduleRows.of(schedule, List.of(), null).cell(0));
    }

    @Test
    void stepAtNoSite_cell_namesTheEvent() {
        Schedule schedule = new FabricatedSchedule().add(1, 0, Event.PARK).schedule();

        assertEquals("park", ScheduleRows.of(schedule, List.of(), null).cell(0));
    }
}
