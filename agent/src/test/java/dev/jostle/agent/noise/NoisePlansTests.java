package dev.jostle.agent.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class NoisePlansTests {

    @Test
    void none_run_injectsNothing() {
        RecordingDelays delays = new RecordingDelays();
        NoisePlan plan = NoisePlans.create(Strategy.NONE, 1, new BitSet(), delays);
        new Simulation(3, 1).roundRobin(plan, 10_000, 1);
        assertSame(NoisePlan.SILENT, plan);
        assertTrue(delays.decisions().isEmpty());
        assertEquals("none", plan.describe());
    }

    @Test
    void mixed_create_isRefusedWithAMessage() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NoisePlans.create(Strategy.MIXED, 1, new BitSet()));
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
            String first = NoisePlans.create(strategy, 77, focus).describe();
            assertTrue(first.startsWith(strategy.id()), first);
            assertEquals(first, NoisePlans.create(strategy, 77, focus).describe());
        }
    }
}
