package dev.jostle.agent.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class TargetedNoiseTests {

    @Test
    void pointsOffFocus_run_injectNothing() {
        RecordingDelays delays = new RecordingDelays();
        BitSet focus = new BitSet();
        focus.set(7);
        NoisePlan plan = NoisePlans.targeted(1, focus, delays);
        Simulation sim = new Simulation(2, 1);
        sim.roundRobin(plan, 5_000, 3);
        sim.roundRobin(plan, 5_000, 8);
        sim.roundRobin(plan, 5_000, 0);
        assertTrue(delays.decisions().isEmpty(), delays.decisions().size() + " delays off focus");
    }

    @Test
    void pointsOnFocus_run_injectAtAHighShare() {
        RecordingDelays delays = new RecordingDelays();
        BitSet focus = new BitSet();
        focus.set(7);
        NoisePlan plan = NoisePlans.targeted(1, focus, delays);
        new Simulation(2, 1).roundRobin(plan, 200, 7);
        assertTrue(delays.decisions().size() >= 400 * 0.2, delays.decisions().size() + " of 400 focus points delayed");
        assertTrue(plan.describe().startsWith("targeted(sites=1, share="), plan.describe());
    }

    @Test
    void emptyFocus_run_isSilentAndSaysSo() {
        RecordingDelays delays = new RecordingDelays();
        NoisePlan plan = NoisePlans.targeted(1, new BitSet(), delays);
        new Simulation(2, 1).roundRobin(plan, 1_000, 7);
        assertTrue(delays.decisions().isEmpty());
        assertTrue(plan.describe().contains("silent"), plan.describe());
    }

    @Test
    void sameSeedAndFocus_run_sameDecisions() {
        BitSet focus = new BitSet();
        focus.set(2);
        focus.set(4);
        RecordingDelays first = new RecordingDelays();
        RecordingDelays second = new RecordingDelays();
        new Simulation(2, 9).roundRobin(NoisePlans.targeted(9, focus, first), 500, 4);
        new Simulation(2, 9).roundRobin(NoisePlans.targeted(9, focus, second), 500, 4);
        assertEquals(first.decisions(), second.decisions());
    }
}
