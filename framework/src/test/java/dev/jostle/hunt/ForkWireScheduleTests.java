package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.agent.schedule.Schedule;
import dev.jostle.engine.RoundOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A forked controlled round's decisions reach the parent, which checks the replays against them. */
class ForkWireScheduleTests {

    @Test
    void controlledRoundReport_crossesTheWire_withItsDecisions() throws IOException {
        Schedule sent = Schedule.restored("controlled-random", new int[] {0, 1, 2, 1}, new int[4], new byte[4], 4, 99,
                List.of("main", "a", "b"), null, false);

        RoundReport received = roundTrip(report(sent));

        assertEquals("replayed exactly (4 decisions)", received.schedule().replayCheck(sent));
        assertEquals(List.of("main", "a", "b"), received.schedule().threads());
    }

    @Test
    void roundCutByItsTimeout_crossesTheWire_stillCut() throws IOException {
        Schedule sent = Schedule.restored("controlled-random", new int[] {0, 1}, new int[2], new byte[2], 2, 5,
                List.of("main", "a"), null, true);

        assertTrue(roundTrip(report(sent)).schedule().cut());
    }

    @Test
    void controlledRoundReport_crossesTheWire_withWhatEachStepPerformed() throws IOException {
        int write = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
                "com.acme.Counter.count", false);
        Schedule sent = Schedule.restored("controlled-random", new int[] {1, 0, 1}, new int[] {write, 0, write},
                new byte[] {Event.FIELD_WRITE, Event.PARK, Event.FIELD_WRITE}, 3, 99, List.of("main", "a"), null, false);

        Schedule received = roundTrip(report(sent)).schedule();

        Site site = Sites.get(received.site(0));
        assertEquals("com.acme.Counter.add(Counter.java:12) field-write com.acme.Counter.count", site.toString());
        assertEquals(received.site(0), received.site(2));
        assertEquals(0, received.site(1));
        assertEquals(Event.PARK, received.event(1));
        assertEquals(Event.FIELD_WRITE, received.event(2));
    }

    @Test
    void noiseRoundReport_crossesTheWire_withoutASchedule() throws IOException {
        assertNull(roundTrip(report(null)).schedule());
    }

    private static RoundReport report(Schedule schedule) {
        return new RoundReport(0, 7, Strategy.CONTROLLED_RANDOM, "controlled-random", 0, Map.of(), List.of(),
                new BitSet(), List.of(), schedule);
    }

    private static RoundReport roundTrip(RoundReport report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ForkWire.writeReply(new DataOutputStream(bytes),
                new ForkWire.Reply(RoundOutcome.passed(report, Duration.ZERO), null, false));
        return ForkWire.readReply(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
                .outcome().report();
    }
}
