package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Hooks;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Probes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The program's own exceptions still reach it, and a failing probe never does. */
class RobustnessTests {

    @Test
    void nullArrayStore_throwsNullPointerExceptionAfterReportingTheWrite() throws Exception {
        Class<?> arrays = new Fixtures().load("Arrays");
        RecordingProbe probe = new RecordingProbe();
        assertThrows(NullPointerException.class, () -> probe.record(() -> call(arrays, "writeInt", null, 0, 1)));
        assertEquals(List.of("array-write null[0] @Arrays.writeInt:" + line("Arrays", "write-int") + " int[]"),
                probe.lines());
    }

    @Test
    void indexOutOfBounds_readAndWideWrite_throwTheProgramsException() throws Exception {
        Class<?> arrays = new Fixtures().load("Arrays");
        RecordingProbe probe = new RecordingProbe();
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> probe.record(() -> call(arrays, "readInt", new int[1], 3)));
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> probe.record(() -> call(arrays, "writeLong", new long[1], -1, 5L)));
        assertThrows(ArrayStoreException.class,
                () -> probe.record(() -> call(arrays, "writeObject", new String[1], 0, 42)));
        assertEquals(3, probe.lines().size());
    }

    @Test
    void nullFieldOwner_throwsNullPointerException() throws Exception {
        Fixtures fixtures = new Fixtures();
        Object fields = fixtures.load("Fields").getConstructor().newInstance();
        RecordingProbe probe = new RecordingProbe();
        assertThrows(NullPointerException.class, () -> probe.record(() -> call(fields, "readOther", (Object) null)));
        assertEquals(List.of("field-read null @Fields.readOther:" + line("Fields", "read-other")
                + " dev.jostle.fixtures.Fields.plain"), probe.lines());
    }

    @Test
    void waitWithoutTheMonitor_throwsIllegalMonitorStateException() throws Exception {
        Class<?> calls = new Fixtures().load("Calls");
        Object monitor = new Object();
        RecordingProbe probe = new RecordingProbe().name(monitor, "mon");
        assertThrows(IllegalMonitorStateException.class,
                () -> probe.record(() -> call(calls, "waitWithoutMonitor", monitor)));
        String site = "@Calls.waitWithoutMonitor:" + line("Calls", "wait-unowned") + " java.lang.Object.wait";
        assertEquals(List.of("wait mon " + site, "after-wait mon " + site), probe.lines());
    }

    @Test
    void throwingProbe_neverReachesUserCode() throws Exception {
        Fixtures fixtures = new Fixtures();
        Class<?> fieldsClass = fixtures.load("Fields");
        Class<?> arrays = fixtures.load("Arrays");
        Class<?> calls = fixtures.load("Calls");
        Object monitors = fixtures.load("Monitors").getConstructor().newInstance();
        Object fields = fieldsClass.getConstructor().newInstance();
        Probe throwing = (event, target, index, site) -> {
            throw new IllegalStateException("probe failure " + event);
        };
        long failuresBefore = Hooks.probeFailures();
        Probe previous = Probes.bind(throwing);
        Probes.roundOpened();
        try {
            call(fields, "writeVolatileWide", 31L);
            assertEquals(31L, call(fields, "readVolatileWide"));
            int[] ints = new int[2];
            call(arrays, "writeInt", ints, 1, 8);
            assertEquals(8, call(arrays, "readInt", ints, 1));
            assertEquals(10, call(monitors, "block", new Object(), 9));
            assertEquals(6, call(monitors, "synchronizedMethod", 3));
            assertEquals(1, call(calls, "concurrent"));
            Thread thread = (Thread) call(calls, "startAndJoin");
            assertFalse(thread.isAlive());
            call(calls, "waitAndNotify", new Object());
        } finally {
            Probes.roundClosed();
            Probes.restore(previous);
        }
        assertTrue(Hooks.probeFailures() - failuresBefore >= 20,
                "every event should have reached the probe and been swallowed: " + (Hooks.probeFailures() - failuresBefore));
    }
}
