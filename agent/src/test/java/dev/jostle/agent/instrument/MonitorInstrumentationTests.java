package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorInstrumentationTests {

    private Class<?> monitorsClass;
    private Object monitors;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        monitorsClass = new Fixtures().load("Monitors");
        monitors = monitorsClass.getConstructor().newInstance();
        probe = new RecordingProbe().name(monitors, "m").name(monitorsClass, "Monitors.class");
    }

    private static String at(String method, String marker) {
        return "@Monitors." + method + ":" + line("Monitors", marker);
    }

    @Test
    void synchronizedBlock_reportsEnterAfterEnterAndExit() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        Object value = probe.record(() -> call(monitors, "block", lock, 4));
        assertEquals(5, value);
        String enter = at("block", "block-enter");
        // javac gives the exit on the normal path the line of the return statement inside the block.
        String exit = "@Monitors.block:" + (line("Monitors", "block-enter") + 1);
        assertEquals(List.of("monitor-enter lock " + enter, "after-monitor-enter lock " + enter,
                "monitor-exit lock " + exit), probe.lines());
    }

    @Test
    void synchronizedMethod_reportsAcquireAtEntryAndReleaseAtReturn() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedMethod", 21));
        assertEquals(42, value);
        assertEquals(List.of(
                "after-monitor-enter m " + at("synchronizedMethod", "sync-return") + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedMethod", "sync-return")), probe.lines());
    }

    @Test
    void staticSynchronizedMethod_reportsTheClassAsMonitor() throws Exception {
        Object value = probe.record(() -> call(monitorsClass, "staticSynchronizedMethod", 5));
        assertEquals(15, value);
        assertEquals(List.of(
                "after-monitor-enter Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")
                        + " dev.jostle.fixtures.Monitors.class",
                "monitor-exit Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")),
                probe.lines());
    }

    @Test
    void synchronizedMethodThrowing_propagatesAndReportsOnlyTheAcquire() throws Exception {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "synchronizedThrowing")));
        assertEquals("from the fixture", thrown.getMessage());
        // Exceptional exits are not reported (documented in InstrumentingMethodVisitor).
        assertEquals(List.of("after-monitor-enter m " + at("synchronizedThrowing", "sync-throw")
                + " dev.jostle.fixtures.Monitors (this)"), probe.lines());
    }

    @Test
    void synchronizedMethodStartingWithALoop_reportsTheEntryOnce() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedLoop", 10));
        assertEquals(-2, value);
        // do-while jumps back to the method's first instruction: the entry report must sit before it.
        assertEquals(List.of("after-monitor-enter m " + at("synchronizedLoop", "loop-first")
                + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedLoop", "loop-return")), probe.lines());
    }
}
