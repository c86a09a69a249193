package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls whose owner is a user subtype of a java.util.concurrent type: synchronisation when the method is
 * one the java.util.concurrent type has, not when the subtype declares it on its own.
 */
class ConcurrentSubtypeCallTests {

    private static final String FIXTURE = "ConcurrentSubtypes";
    private static final String NESTED = "dev.jostle.fixtures.ConcurrentSubtypes$";
    private static final String REENTRANT_LOCK = "java.util.concurrent.locks.ReentrantLock";

    private Class<?> subtypes;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        subtypes = new Fixtures().load(FIXTURE);
        probe = new RecordingProbe();
    }

    @Test
    void callsOnSubtypesOfLockAndQueue_areBracketed_ownMethodsAndCallbacksAreNot() throws Exception {
        assertEquals("guard3", probe.record(() -> call(subtypes, "callsOnSubtypes")));

        List<String> expected = new ArrayList<>();
        bracketed(expected, "callsOnSubtypes", "guard-lock", "GuardLock.lock");
        bracketed(expected, "callsOnSubtypes", "guard-unlock", "GuardLock.unlock");
        bracketed(expected, "callsOnSubtypes", "counting-lock", "CountingGuardLock.lock");
        bracketed(expected, "callsOnSubtypes", "counting-unlock", "CountingGuardLock.unlock");
        bracketed(expected, "callsOnSubtypes", "queue-offer", "MessageQueue.offer");
        bracketed(expected, "callsOnSubtypes", "queue-poll-and-call", "MessageQueue.poll");
        // GuardLock.label and Task.call (Callable's, a task of the user's) are not there.
        assertEquals(expected, syncCallsIn("callsOnSubtypes"));
    }

    @Test
    void superCallInAnOverride_isBracketedAsTheLockItReaches() throws Exception {
        probe.record(() -> call(subtypes, "callsOnSubtypes"));

        List<String> inOverride = syncCallsIn("CountingGuardLock.lock");

        assertEquals(2, inOverride.size(), inOverride.toString());
        assertEquals(true, inOverride.get(0).startsWith("sync-call ") && inOverride.get(0).endsWith(
                NESTED + "GuardLock.lock"), inOverride.toString());
    }

    @Test
    void sleepInsideAThreadSubclass_isASyncCallLikeThreadSleep() throws Exception {
        probe.record(() -> call(subtypes, "napInThreadSubclass"));

        String at = "@" + FIXTURE + "$Sleeper.nap:" + line(FIXTURE, "sleeper-sleep") + " " + NESTED + "Sleeper.sleep";
        assertEquals(List.of("sync-call null " + at, "after-sync-call null " + at), syncCallsIn("Sleeper.nap"));
    }

    /** Also: javac names ReentrantLock in the handle of {@code guard::lock}, but captures a GuardLock. */
    @Test
    void methodReferencesToASubclassedLock_areBridgedAndBracketed() throws Exception {
        assertEquals(1, probe.record(() -> call(subtypes, "referencesToSubtypes")));

        long locks = probe.lines().stream().filter(line -> line.startsWith("sync-call ")
                && line.endsWith(line(FIXTURE, "reference-lock") + " " + REENTRANT_LOCK + ".lock")).count();
        long unlocks = probe.lines().stream().filter(line -> line.startsWith("sync-call ")
                && line.endsWith(line(FIXTURE, "reference-unlock") + " " + REENTRANT_LOCK + ".unlock")).count();
        long overrides = probe.lines().stream().filter(line -> line.startsWith("sync-call ") && line.endsWith(
                line(FIXTURE, "reference-override") + " " + NESTED + "CountingGuardLock.lock")).count();
        assertEquals(1, locks, probe.lines().toString());
        assertEquals(1, unlocks, probe.lines().toString());
        assertEquals(1, overrides, "the handle names the subclass that overrides lock: " + probe.lines());
    }

    private static void bracketed(List<String> lines, String method, String marker, String member) {
        String at = "@" + FIXTURE + "." + method + ":" + line(FIXTURE, marker) + " " + NESTED + member;
        lines.add("sync-call null " + at);
        lines.add("after-sync-call null " + at);
    }

    /** The sync-call lines recorded in one method ({@code method} or {@code Nested.method}). */
    private List<String> syncCallsIn(String method) {
        String in = method.contains(".") ? "@" + FIXTURE + "$" + method + ":" : "@" + FIXTURE + "." + method + ":";
        return probe.lines().stream().filter(line -> line.contains(in))
                .filter(line -> line.startsWith("sync-call ") || line.startsWith("after-sync-call ")).toList();
    }
}
