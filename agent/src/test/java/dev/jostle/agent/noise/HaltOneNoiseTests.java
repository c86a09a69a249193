package dev.jostle.agent.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HaltOneNoiseTests {

    @Test
    void threeThreads_run_exactlyOneThreadIsStalledForMillisecondsWithinTheCap() {
        for (long seed = 0; seed < 40; seed++) {
            RecordingDelays delays = new RecordingDelays();
            NoisePlan plan = NoisePlans.haltOne(seed, delays);
            new Simulation(3, seed).roundRobin(plan, 10_000, 1);

            Set<String> stalled = delays.decisions().stream().map(RecordingDelays.Decision::thread)
                    .collect(Collectors.toSet());
            assertEquals(1, stalled.size(), "seed " + seed + " " + plan.describe() + ": stalled " + stalled);
            assertTrue(delays.decisions().stream().allMatch(d -> d.kind().equals("park")
                    && d.nanos() >= 1_000_000L && d.nanos() <= 50_000_000L), delays.decisions().toString());
            assertTrue(delays.totalDelayNanos() <= HaltOneNoise.CAP_NANOS, plan.describe());
        }
    }

    @Test
    void victim_isTheDrawnArrival() {
        RecordingDelays delays = new RecordingDelays();
        HaltOneNoise plan = new HaltOneNoise(1, new long[] {2, 5}, new long[] {3_000_000L, 4_000_000L},
                new Budget(HaltOneNoise.CAP_NANOS), delays);
        new Simulation(3, 1).roundRobin(plan, 10, 1);
        assertEquals(java.util.List.of(new RecordingDelays.Decision("t1", "park", 3_000_000L),
                new RecordingDelays.Decision("t1", "park", 4_000_000L)), delays.decisions());
    }

    @Test
    void sameSeed_run_sameStalls() {
        for (long seed = 0; seed < 10; seed++) {
            assertEquals(run(seed).decisions(), run(seed).decisions());
        }
    }

    private static RecordingDelays run(long seed) {
        RecordingDelays delays = new RecordingDelays();
        new Simulation(3, seed).roundRobin(NoisePlans.haltOne(seed, delays), 3_000, 1);
        return delays;
    }
}
