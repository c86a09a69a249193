package dev.jostle.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Hooks;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.noise.RecordingDelays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SessionTests {

    private static final int READ = Sites.register(Event.FIELD_READ, "demo.Counter", "increment", "Counter.java",
            10, "demo.Counter.count", false);
    private static final int WRITE = Sites.register(Event.FIELD_WRITE, "demo.Counter", "increment",
            "Counter.java", 10, "demo.Counter.count", false);
    private static final int PRIVATE_WRITE = Sites.register(Event.FIELD_WRITE, "demo.Worker", "run",
            "Worker.java", 5, "demo.Worker.local", false);

    @Test
    void rounds_open_seedIsBasePlusIndex() {
        Session session = new Session(Strategy.RANDOM, 1_000, false, new RecordingDelays());
        for (int index : new int[] {0, 1, 17}) {
            Round round = session.openRound(index, Thread.currentThread());
            assertEquals(1_000 + index, round.seed());
            assertEquals(1_000 + index, round.end().seed());
        }
    }

    @Test
    void roundSeedAsBase_open_replaysTheSameConcreteStrategyAndPlan() {
        Session session = new Session(Strategy.MIXED, 500, false, new RecordingDelays());
        Round round = session.openRound(9, Thread.currentThread());
        round.end();
        Round replay = new Session(Strategy.MIXED, round.seed(), false, new RecordingDelays())
                .openRound(0, Thread.currentThread());
        replay.end();
        assertEquals(round.strategy(), replay.strategy());
        assertEquals(round.plan(), replay.plan());
    }

    @Test
    void mixedWithoutFocus_openManyRounds_resolvesToNoiseAndControlledOnTimeButNeverTargeted() {
        Session session = new Session(Strategy.MIXED, 0, false, new RecordingDelays());
        Set<Strategy> seen = EnumSet.noneOf(Strategy.class);
        for (int i = 0; i < 200; i++) {
            Round round = session.openRound(i, Thread.currentThread());
            seen.add(round.strategy());
            RoundReport report = round.end();
            assertEquals(round.strategy(), report.strategy());
            assertTrue(report.plan().startsWith(round.strategy().id()), report.plan());
        }
        assertEquals(EnumSet.of(Strategy.RANDOM, Strategy.PCT, Strategy.HALT_ONE, Strategy.CONTROLLED_POS_ON_TIME,
                Strategy.CONTROLLED_PCT_ON_TIME), seen);
    }

    @Test
    void observation_seesTwoThreadsWriteOneField_focusAimsTargetedRounds() throws Exception {
        Session session = new Session(Strategy.MIXED, 3, false, new RecordingDelays());
        assertTrue(session.wantsObservation());

        Round observation = session.openObservationRound(Thread.currentThread());
        try (Round.Binding binding = observation.bind()) {
            Object counter = new Object();
            Thread other = new Thread(() -> {
                Hooks.beforeFieldRead(counter, READ);
                Hooks.beforeFieldWrite(counter, WRITE);
            }, "other");
            Hooks.threadStart(other, 0);
            other.join();
            Hooks.beforeFieldRead(counter, READ);
            Hooks.beforeFieldWrite(counter, PRIVATE_WRITE);
        }
        RoundReport report = observation.end();

        assertEquals(-1, report.index());
        assertEquals(Strategy.NONE, report.strategy());
        assertTrue(report.contended().get(READ) && report.contended().get(WRITE), report.contended().toString());
        assertFalse(report.contended().get(PRIVATE_WRITE), "a field only one thread wrote is not contended");
        assertFalse(session.wantsObservation());

        Set<Strategy> seen = EnumSet.noneOf(Strategy.class);
        for (int i = 0; i < 100; i++) {
            Round round = session.openRound(i, Thread.currentThread());
            seen.add(round.strategy());
            if (round.strategy() == Strategy.TARGETED) {
                assertTrue(round.plan().startsWith("targeted(sites=2,"), round.plan());
            }
            round.end();
        }
        assertTrue(seen.contains(Strategy.TARGETED), "mixed never aimed at the observed sites: " + seen);
    }

    @Test
    void end_calledTwice_returnsTheSameReport() {
        Round round = new Session(Strategy.RANDOM, 1, false, new RecordingDelays()).openRound(0,
                Thread.currentThread());
        RoundReport first = round.end();
        assertSame(first, round.end());
    }

    @Test
    void threadLeftBehind_afterEnd_isIgnored() throws Exception {
        RecordingDelays delays = new RecordingDelays();
        Round random = new Session(Strategy.RANDOM, 1, true, delays).openRound(0, Thread.currentThread());
        // Keeps one round open (a recording one: a quiet round does not arm the hooks), so that the hooks
        // stay armed after the first one ends.
        Round other = new Session(Strategy.NONE, 1, true, new RecordingDelays()).openRound(0, Thread.currentThread());
        try {
            try (Round.Binding binding = random.bind()) {
                // Only up to the first delay: the round's budget must stay nearly whole, or the points
                // after the end would get no noise for that reason alone.
                for (int i = 0; i < 10_000 && delays.decisions().isEmpty(); i++) {
                    Hooks.beforeFieldWrite(this, WRITE);
                }
            }
            RoundReport report = random.end();
            assertTrue(Probes.anyRoundOpen());
            int decisionsAtEnd = delays.decisions().size();
            assertTrue(decisionsAtEnd > 0, "random noise injected nothing in 10000 points");

            try (Round.Binding binding = random.bind()) { // as a thread the round started and left running
                for (int i = 0; i < 2_000; i++) {
                    Hooks.beforeFieldWrite(this, WRITE);
                }
            }
            assertEquals(decisionsAtEnd, delays.decisions().size(), "noise after the round ended");
            assertSame(report, random.end());
        } finally {
            other.end();
        }
        assertEquals(null, Hooks.firstProbeFailure());
    }

    @Test
    void quietRound_open_leavesTheHooksDisarmedButNoisyAndRecordingRoundsArmThem() {
        assertFalse(Probes.anyRoundOpen(), "a round of another test is still open");
        Round quiet = new Session(Strategy.NONE, 1, false, new RecordingDelays()).openRound(0, null);
        assertFalse(Probes.anyRoundOpen());
        quiet.end();

        Round recording = new Session(Strategy.NONE, 1, true, new RecordingDelays()).openRound(0, null);
        assertTrue(Probes.anyRoundOpen());
        recording.end();
        Round noisy = new Session(Strategy.PCT, 1, false, new RecordingDelays()).openRound(0, null);
        assertTrue(Probes.anyRoundOpen());
        noisy.end();
        assertFalse(Probes.anyRoundOpen());
    }

    @Test
    void twoRoundsInTwoThreads_run_neitherSeesTheOthersNoise() throws Exception {
        RecordingDelays noisyDelays = RecordingDelays.withFrozenClock();
        RecordingDelays quietDelays = new RecordingDelays();
        Round noisy = new Session(Strategy.RANDOM, 8, false, noisyDelays).openRound(0, null);
        Round quiet = new Session(Strategy.NONE, 8, false, quietDelays).openRound(0, null);

        Thread noisyThread = roundThread(noisy, "noisy");
        Thread quietThread = roundThread(quiet, "quiet");
        noisyThread.start();
        quietThread.start();
        noisyThread.join();
        quietThread.join();
        RoundReport noisyReport = noisy.end();
        RoundReport quietReport = quiet.end();

        assertTrue(quietDelays.decisions().isEmpty(), quietDelays.decisions().toString());
        assertEquals(0, quietReport.noiseEvents());
        assertTrue(noisyReport.noiseEvents() > 0);
        assertTrue(noisyDelays.decisions().stream().allMatch(d -> d.thread().equals("noisy")),
                noisyDelays.decisions().toString());
        assertEquals(Set.of("noisy"), noisyReport.lastNoise().keySet());
    }

    private Thread roundThread(Round round, String name) {
        return new Thread(() -> {
            try (Round.Binding binding = round.bind()) {
                for (int i = 0; i < 5_000; i++) {
                    Hooks.beforeFieldWrite(this, WRITE);
                }
            }
        }, name);
    }

    @Test
    void sameSeedAndThreadTree_run_sameDecisionsPerThread() throws Exception {
        RecordingDelays first = runTree(77);
        RecordingDelays second = runTree(77);
        for (String thread : new String[] {"root", "child-a", "child-b"}) {
            assertFalse(first.of(thread).isEmpty(), thread + " got no noise");
            assertEquals(first.of(thread), second.of(thread), thread);
        }
        assertNotEquals(first.of("child-a"), first.of("child-b"), "two children drew the same decisions");
    }

    /** A root thread that starts two children; every thread reaches 3000 points. */
    private RecordingDelays runTree(long seed) throws Exception {
        RecordingDelays delays = RecordingDelays.withFrozenClock();
        Round round = new Session(Strategy.RANDOM, seed, false, delays).openRound(0, null);
        Thread root = new Thread(() -> {
            try (Round.Binding binding = round.bind()) {
                Thread a = new Thread(this::points, "child-a");
                Thread b = new Thread(this::points, "child-b");
                Hooks.threadStart(a, 0);
                Hooks.threadStart(b, 0);
                points();
                Hooks.threadJoin(a, 0);
                Hooks.threadJoin(b, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "root");
        root.start();
        root.join();
        round.end();
        return delays;
    }

    @Test
    void threadsStartedUnseen_withDifferentJvmCountersInTheirNames_drawTheSameDecisions() throws Exception {
        RecordingDelays first = runUnseen(5, "pool-3-thread-1");
        RecordingDelays second = runUnseen(5, "pool-41-thread-1");
        assertFalse(first.decisions().isEmpty());
        assertEquals(delaysOnly(first.of("pool-3-thread-1")), delaysOnly(second.of("pool-41-thread-1")));
    }

    private static List<String> delaysOnly(List<RecordingDelays.Decision> decisions) {
        return decisions.stream().map(d -> d.kind() + " " + d.nanos()).collect(Collectors.toList());
    }

    /** A round whose only thread was started by code no hook saw (as an executor's threads are). */
    private RecordingDelays runUnseen(long seed, String name) throws Exception {
        RecordingDelays delays = RecordingDelays.withFrozenClock();
        Round round = new Session(Strategy.RANDOM, seed, false, delays).openRound(0, null);
        Thread thread;
        try (Round.Binding binding = round.bind()) {
            thread = new Thread(this::points, name);
        }
        thread.start();
        thread.join();
        round.end();
        return delays;
    }

    private void points() {
        for (int i = 0; i < 3_000; i++) {
            Hooks.beforeFieldWrite(this, WRITE);
        }
    }
}
