package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallInstrumentationTests {

    private Class<?> calls;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        calls = new Fixtures().load("Calls");
        probe = new RecordingProbe();
    }

    private static String at(String method, String marker) {
        return "@Calls." + method + ":" + line("Calls", marker);
    }

    @Test
    void threadStartAndJoin_areReplacedByTheWrappers() throws Exception {
        Thread thread = (Thread) probe.record(() -> call(calls, "startAndJoin"));
        assertFalse(thread.isAlive());
        probe.name(thread, "t");
        String start = at("startAndJoin", "start") + " java.lang.Thread.start";
        String join = at("startAndJoin", "join") + " java.lang.Thread.join";
        assertEquals(List.of("thread-start t " + start, "sync-call t " + join, "after-thread-join t " + join),
                probe.lines());
    }

    @Test
    void threadSubclass_startAndTimedJoin_areResolvedAsThreadCalls() throws Exception {
        Thread worker = (Thread) probe.record(() -> call(calls, "startSubclassAndJoinWithTimeout"));
        probe.name(worker, "w");
        String start = at("startSubclassAndJoinWithTimeout", "start-sub") + " dev.jostle.fixtures.Calls$Worker.start";
        String join = at("startSubclassAndJoinWithTimeout", "join-timeout") + " dev.jostle.fixtures.Calls$Worker.join";
        assertEquals(List.of("thread-start w " + start, "sync-call w " + join, "after-thread-join w " + join),
                probe.lines());
    }

    @Test
    void waitAndNotify_areReplacedAndSeeTheMonitor() throws Exception {
        Object monitor = new Object();
        probe.name(monitor, "mon");
        probe.record(() -> call(calls, "waitAndNotify", monitor));
        List<String> lines = probe.lines();
        assertEquals(7, lines.size(), lines.toString());
        assertEquals(List.of(
                "notify mon " + at("waitAndNotify", "notify") + " java.lang.Object.notify",
                "notify mon " + at("waitAndNotify", "notify-all") + " java.lang.Object.notifyAll",
                "wait mon " + at("waitAndNotify", "wait-timeout") + " java.lang.Object.wait",
                "after-wait mon " + at("waitAndNotify", "wait-timeout") + " java.lang.Object.wait"),
                lines.subList(2, 6));
        assertEquals("monitor-enter mon", lines.get(0).substring(0, "monitor-enter mon".length()));
        assertEquals("monitor-exit mon", lines.get(6).substring(0, "monitor-exit mon".length()));
    }

    @Test
    void lockSupport_parkAndUnpark_areReplaced() throws Exception {
        Object blocker = new Object();
        probe.name(blocker, "b").name(Thread.currentThread(), "self");
        probe.record(() -> call(calls, "park", blocker));
        String unpark = at("park", "unpark") + " java.util.concurrent.locks.LockSupport.unpark";
        String park = at("park", "park") + " java.util.concurrent.locks.LockSupport.park";
        String parkBlocker = at("park", "park-blocker") + " java.util.concurrent.locks.LockSupport.park";
        String nanos = at("park", "park-nanos") + " java.util.concurrent.locks.LockSupport.parkNanos";
        String nanosBlocker = at("park", "park-nanos-blocker") + " java.util.concurrent.locks.LockSupport.parkNanos";
        String secondUnpark = "@Calls.park:" + (line("Calls", "park") + 1)
                + " java.util.concurrent.locks.LockSupport.unpark";
        assertEquals(List.of("unpark self " + unpark, "park null " + park, "after-park null " + park,
                "unpark self " + secondUnpark, "park b " + parkBlocker, "after-park b " + parkBlocker,
                "park null " + nanos, "after-park null " + nanos,
                "park b " + nanosBlocker, "after-park b " + nanosBlocker), probe.lines());
    }

    @Test
    void javaUtilConcurrentCalls_areBracketedButConstructorsAndTimeUnitAreNot() throws Exception {
        Object value = probe.record(() -> call(calls, "concurrent"));
        assertEquals(1, value);
        String lock = at("concurrent", "lock") + " java.util.concurrent.locks.ReentrantLock.lock";
        String increment = at("concurrent", "increment") + " java.util.concurrent.atomic.AtomicInteger.incrementAndGet";
        String unlock = at("concurrent", "unlock") + " java.util.concurrent.locks.ReentrantLock.unlock";
        String countDown = at("concurrent", "count-down") + " java.util.concurrent.CountDownLatch.countDown";
        String await = at("concurrent", "await") + " java.util.concurrent.CountDownLatch.await";
        String get = at("concurrent", "get") + " java.util.concurrent.atomic.AtomicInteger.get";
        assertEquals(List.of("sync-call null " + lock, "after-sync-call null " + lock,
                "sync-call null " + increment, "after-sync-call null " + increment,
                "sync-call null " + unlock, "after-sync-call null " + unlock,
                "sync-call null " + countDown, "after-sync-call null " + countDown,
                "sync-call null " + await, "after-sync-call null " + await,
                "sync-call null " + get, "after-sync-call null " + get), probe.lines());
    }

    @Test
    void sleepYieldAndSpinWait_areSyncCalls() throws Exception {
        probe.record(() -> call(calls, "sleepYieldSpin"));
        String sleep = at("sleepYieldSpin", "sleep") + " java.lang.Thread.sleep";
        String yield = at("sleepYieldSpin", "yield") + " java.lang.Thread.yield";
        String spin = at("sleepYieldSpin", "spin") + " java.lang.Thread.onSpinWait";
        assertEquals(List.of("sync-call null " + sleep, "after-sync-call null " + sleep,
                "sync-call null " + yield, "after-sync-call null " + yield,
                "sync-call null " + spin, "after-sync-call null " + spin), probe.lines());
    }
}
