package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        Schedule sent = Schedule.restored("controlled-random", new int[] {0, 1, 2, 1}, 4, 99, List.of("main", "a", "b"),
                null, false);

        RoundReport received = roundTrip(report(sent));

        assertEquals("replayed exactly (4 decisions)", received.schedule().replayCheck(sent));
        assertEquals(List.of("main", "a", "b"), received.schedule().threads());
    }

    @Test
    void roundCutByItsTimeout_crossesTheWire_stillCut() throws IOException {
        Schedule sent = Schedule.restored("controlled-random", new int[] {0, 1}, 2, 5, List.of("main", "a"), null, true);

        assertTrue(roundTrip(report(sent)).schedule().cut());
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
