package dev.jostle.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.noise.Delays;
import dev.jostle.agent.noise.NoisePlan;
import dev.jostle.agent.noise.RecordingDelays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** Each strategy's plan: the mapping from what a round runs under to the noise it gets. */
class StrategyTests {

    @Test
    void none_run_injectsNothing() {
        RecordingDelays delays = new RecordingDelays();
        NoisePlan plan = Strategy.NONE.plan(1, new BitSet(), delays);
        ThreadState[] threads = {new ThreadState("t0", 100, 0, 1), new ThreadState("t1", 101, 1, 1),
            new ThreadState("t2", 102, 2, 1)};
        for (int round = 0; round < 10_000; round++) {
            for (ThreadState thread : threads) {
                plan.atPoint(thread, Event.FIELD_WRITE, 1);
            }
        }
        assertSame(NoisePlan.SILENT, plan);
        assertTrue(delays.decisions().isEmpty());
        assertEquals("none", plan.describe());
    }

    @Test
    void mixed_plan_isRefusedWithAMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Strategy.MIXED.plan(1, new BitSet(), Delays.SYSTEM));
        assertTrue(refused.getMessage().contains("'mixed' is not concrete"), refused.getMessage());
    }

    @Test
    void everyConcreteStrategy_describe_startsWithItsNameAndDependsOnlyOnTheSeed() {
        BitSet focus = new BitSet();
        focus.set(3);
        for (Strategy strategy : Strategy.values()) {
            if (strategy == Strategy.MIXED) {
                continue;
            }
            String first = strategy.plan(77, focus, Delays.SYSTEM).describe();
            assertTrue(first.startsWith(strategy.id()), first);
            assertEquals(first, strategy.plan(77, focus, Delays.SYSTEM).describe());
        }
    }
}
