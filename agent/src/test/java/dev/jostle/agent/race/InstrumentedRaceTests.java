package dev.jostle.agent.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.instrument.Fixtures;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The detector behind real instrumentation, with noise off: a race is reported although the round passes,
 * and correct hand-offs (locks, atomics, volatile, queues, executors) are never reported.
 */
class InstrumentedRaceTests {

    private final Fixtures fixtures = new Fixtures();

    @Test
    void plainCounterIncrementedByTwoThreads_roundWithoutNoise_reportsTheRace() throws Exception {
        RoundReport report = runInRound("racyCount", null); // it may lose an update: that is the bug

        assertTrue(report.races().size() >= 1, "no race reported");
        Race race = report.races().get(0);
        assertEquals("dev.jostle.fixtures.Races.count", race.variable());
        assertTrue(race.describe().contains("Races.java:"), race.describe());
        assertTrue(race.describe().contains("adder-"), race.describe());
    }

    @Test
    void elementAddedToByTwoThreads_readsForUpdateUnchecked_theWritesStillRace() throws Exception {
        RoundReport report = runInRound("racyElementAdd", null);

        assertEquals(1, report.races().size(), report.describeRaces());
        Race race = report.races().get(0);
        assertEquals("int[] element", race.variable());
        assertTrue(race.earlier().write() && race.later().write(), race.describe());
        int line = Fixtures.line("Races", "racy-element-add");
        assertEquals(line, race.earlier().site().line);
        assertEquals(line, race.later().site().line);
    }

    @Test
    void plainReaderAgainstAnInPlaceUpdater_roundWithoutNoise_reportsTheReadWriteRace() throws Exception {
        RoundReport report = runInRound("readerAgainstUpdater", null);

        assertEquals(1, report.races().size(), report.describeRaces());
        Race race = report.races().get(0);
        assertEquals("dev.jostle.fixtures.Races.count", race.variable());
        Race.Access read = race.earlier().write() ? race.later() : race.earlier();
        Race.Access write = race.earlier().write() ? race.earlier() : race.later();
        assertEquals(false, read.write(), race.describe());
        assertEquals(true, write.write(), race.describe());
        assertEquals("reader", read.thread());
        assertEquals("updater", write.thread());
        assertEquals(Fixtures.line("Races", "plain-read"), read.site().line);
    }

    @Test
    void counterUnderALock_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("lockedCount", 20).describeRaces());
    }

    @Test
    void plainCounter_threadsStartedByMethodReference_reportsTheRace() throws Exception {
        RoundReport report = runInRound("MethodReferences", "racyCountStartedByReference", null);

        assertTrue(report.describeRaces().contains("data race on dev.jostle.fixtures.MethodReferences.count"),
                "Thread::start must order the threads as started, not as pool workers: " + report.describeRaces());
    }

    @Test
    void lockedCounter_threadsStartedByMethodReference_reportsNothing() throws Exception {
        assertEquals("", runInRound("MethodReferences", "lockedCountStartedByReference", 20).describeRaces());
    }

    @Test
    void lockReleasedByAThrowingSynchronizedMethod_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("lockedWriteThenThrow", 7).describeRaces());
    }

    @Test
    void atomicCounter_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("atomicCount", 20).describeRaces());
    }

    @Test
    void resultReadAfterIsAliveSaidTheWorkerEnded_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("resultReadAfterIsAliveSaidDead", 42).describeRaces());
    }

    @Test
    void readAfterAWaitWithMillisAndNanos_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("readAfterATimedWaitWithNanos", 42).describeRaces());
    }

    @Test
    void dataPublishedByAVolatileFlag_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("volatilePublish", 42).describeRaces());
    }

    @Test
    void messageHandedThroughAQueue_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("queueHandOff", 7).describeRaces());
    }

    @Test
    void dataHandedToAnExecutorAndBack_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("executorHandOff", 12).describeRaces());
    }

    @Test
    void messageHandedThroughAConcurrentMapSeenAsMap_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("mapHandOff", 9).describeRaces());
    }

    @Test
    void counterUnderASubclassedReentrantLock_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("ConcurrentSubtypes", "countUnderGuardLock", 20).describeRaces());
    }

    @Test
    void unguardedFieldNextToASubclassedLock_roundWithoutNoise_reportsThatRaceOnly() throws Exception {
        RoundReport report = runInRound("ConcurrentSubtypes", "unguardedNextToGuardLock", 20);

        assertEquals(1, report.races().size(), report.describeRaces());
        Race race = report.races().get(0);
        assertEquals("dev.jostle.fixtures.ConcurrentSubtypes.unguarded", race.variable());
        assertEquals(Fixtures.line("ConcurrentSubtypes", "unguarded-increment"), race.later().site().line);
    }

    @Test
    void handOffUnderASubclassedLockAndItsCondition_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("ConcurrentSubtypes", "handOffWithGuardLockCondition", 11).describeRaces());
    }

    @Test
    void counterUnderASubclassedLockSeenAsLock_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("ConcurrentSubtypes", "countUnderLockSeenAsInterface", 20).describeRaces());
    }

    @Test
    void messageHandedThroughAUserInterfaceOverBlockingQueue_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("ConcurrentSubtypes", "handOffThroughUserQueueInterface", 13).describeRaces());
    }

    private RoundReport runInRound(String method, Integer expected) throws Exception {
        return runInRound("Races", method, expected);
    }

    private RoundReport runInRound(String fixture, String method, Integer expected) throws Exception {
        Class<?> races = fixtures.load(fixture);
        Session session = JostleRuntime.newSession(Strategy.NONE, 1, false).detectRaces(true);
        Round round = session.openRound(0, Thread.currentThread());
        Object result;
        try (Round.Binding binding = round.bind()) {
            result = Fixtures.call(races, method);
        } finally {
            round.end();
        }
        if (expected != null) {
            assertEquals(expected, result, "the fixture computed the wrong value");
        }
        return round.end();
    }
}
