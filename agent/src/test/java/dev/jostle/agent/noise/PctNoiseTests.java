package dev.jostle.agent.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.runtime.ThreadState;
import org.junit.jupiter.api.Test;

class PctNoiseTests {

    private static final long MAX_HOLD = 2_000_000L;

    private final RecordingDelays delays = new RecordingDelays();

    private PctNoise plan(long seed, long... changeSteps) {
        return new PctNoise(seed, changeSteps, MAX_HOLD, new Budget(PctNoise.CAP_NANOS), delays);
    }

    /** Threads 0 and 1 of a simulation, ordered: [high, low] by their initial priority under the plan. */
    private static ThreadState[] byPriority(PctNoise plan, Simulation sim) {
        ThreadState a = sim.thread(0);
        ThreadState b = sim.thread(1);
        return plan.initialPriority(a.path()) > plan.initialPriority(b.path())
                ? new ThreadState[] {a, b} : new ThreadState[] {b, a};
    }

    @Test
    void lowerPriorityThread_whileHigherIsActive_isHeldBackAndHigherNever() {
        PctNoise plan = plan(11);
        Simulation sim = new Simulation(2, 11);
        ThreadState[] order = byPriority(plan, sim);
        ThreadState high = order[0];
        ThreadState low = order[1];

        plan.atPoint(high, Event.FIELD_READ, 1);
        plan.atPoint(low, Event.FIELD_READ, 1);
        plan.atPoint(high, Event.FIELD_WRITE, 2);

        assertTrue(delays.of(high.name()).isEmpty(), "the highest thread was held: " + delays.decisions());
        assertTrue(delays.delayNanosOf(low.name()) > 0, "the lower thread was not held");
        assertTrue(delays.of(low.name()).stream().allMatch(d -> d.kind().equals("park")));
    }

    @Test
    void hold_whenHigherStaysSilent_endsWithinTheActiveWindowAndMaxHold() {
        PctNoise plan = plan(11);
        ThreadState[] order = byPriority(plan, new Simulation(2, 11));

        plan.atPoint(order[0], Event.FIELD_READ, 1);
        plan.atPoint(order[1], Event.FIELD_READ, 1);

        long held = delays.delayNanosOf(order[1].name());
        assertTrue(held >= PctNoise.ACTIVE_NANOS - PctNoise.SLICE_NANOS && held <= PctNoise.ACTIVE_NANOS + PctNoise.SLICE_NANOS,
                "held " + held + "ns: a higher thread that reaches no point should count as active for about "
                        + PctNoise.ACTIVE_NANOS + "ns");
        assertTrue(held <= MAX_HOLD);
    }

    @Test
    void higherThread_announcingABlockingCall_holdsNoOneBack() {
        PctNoise plan = plan(11);
        ThreadState[] order = byPriority(plan, new Simulation(2, 11));

        plan.atPoint(order[0], Event.PARK, 1);
        plan.atPoint(order[1], Event.FIELD_READ, 1);

        assertTrue(delays.decisions().isEmpty(), delays.decisions().toString());
    }

    @Test
    void higherThread_notSeenForLongerThanTheWindow_holdsNoOneBack() {
        PctNoise plan = plan(11);
        ThreadState[] order = byPriority(plan, new Simulation(2, 11));

        plan.atPoint(order[0], Event.FIELD_READ, 1);
        delays.advance(PctNoise.ACTIVE_NANOS + 1);
        plan.atPoint(order[1], Event.FIELD_READ, 1);

        assertTrue(delays.decisions().isEmpty(), delays.decisions().toString());
    }

    @Test
    void changePoint_reached_dropsThatThreadBelowTheOthers() {
        PctNoise plan = plan(11, 3);
        ThreadState[] order = byPriority(plan, new Simulation(2, 11));
        ThreadState high = order[0];
        ThreadState low = order[1];

        plan.atPoint(high, Event.FIELD_READ, 1); // step 1
        plan.atPoint(low, Event.FIELD_READ, 1); // step 2: held
        int lowHeldBefore = delays.of(low.name()).size();
        plan.atPoint(high, Event.FIELD_WRITE, 2); // step 3: the change point, high drops to priority 1
        plan.atPoint(low, Event.FIELD_WRITE, 2); // step 4

        assertEquals(1, plan.priorityOf(high));
        assertTrue(delays.of(high.name()).size() > 0, "after its change point the old high thread was not held");
        assertEquals(lowHeldBefore, delays.of(low.name()).size(), "the now-highest thread was still held");
    }

    @Test
    void threadBeingStarted_withHigherPriority_holdsItsParentBackBeforeItArrives() {
        long seed = 0;
        while (plan(seed).initialPriority(101) < plan(seed).initialPriority(100)) {
            seed++; // a seed under which the child (path 101) outranks its parent (path 100)
        }
        PctNoise plan = plan(seed);
        Simulation sim = new Simulation(2, seed);
        ThreadState parent = sim.thread(0);
        ThreadState child = sim.thread(1);

        plan.atPoint(parent, Event.FIELD_WRITE, 1);
        plan.threadStarting(parent, child.path());
        plan.atPoint(parent, Event.THREAD_START, 2);
        assertTrue(delays.delayNanosOf(parent.name()) > 0, "the parent ran on before its higher child arrived");

        plan.atPoint(child, Event.FIELD_WRITE, 1);
        assertEquals(2, plan.trackedThreads(), "the child should take the slot its parent reserved");
        assertTrue(delays.of(child.name()).isEmpty());
    }

    @Test
    void sameSeedAndPaths_run_samePrioritiesAndDecisions() {
        RecordingDelays first = runScenario(21);
        RecordingDelays second = runScenario(21);
        assertEquals(first.decisions(), second.decisions());
        PctNoise a = PctNoise.drawn(21, new RecordingDelays());
        PctNoise b = PctNoise.drawn(21, new RecordingDelays());
        assertEquals(a.describe(), b.describe());
        assertEquals(a.initialPriority(100), b.initialPriority(100));
        assertNotEquals(a.initialPriority(100), a.initialPriority(101));
    }

    private static RecordingDelays runScenario(long seed) {
        RecordingDelays recording = new RecordingDelays();
        NoisePlan plan = NoisePlans.pct(seed, recording);
        new Simulation(3, seed).roundRobin(plan, 200, 1);
        return recording;
    }

    @Test
    void endlessContention_run_totalHoldStaysWithinTheRoundCap() {
        PctNoise plan = new PctNoise(3, new long[0], 3_000_000L, new Budget(PctNoise.CAP_NANOS), delays);
        new Simulation(4, 3).roundRobin(plan, 20_000, 1);
        assertTrue(delays.totalDelayNanos() <= PctNoise.CAP_NANOS, delays.totalDelayNanos() + "ns held");
        assertTrue(delays.decisions().stream().allMatch(d -> d.nanos() <= PctNoise.SLICE_NANOS));
    }

    @Test
    void drawn_describe_namesDepthAndChangeSteps() {
        for (long seed = 0; seed < 30; seed++) {
            String text = PctNoise.drawn(seed, delays).describe();
            assertTrue(text.matches("pct\\(d=[123], changeSteps=\\[.*\\], maxHold=.*"), text);
        }
    }
}
