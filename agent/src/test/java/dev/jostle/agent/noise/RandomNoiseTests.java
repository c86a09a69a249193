package dev.jostle.agent.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RandomNoiseTests {

    private static RecordingDelays run(long seed, int points) {
        RecordingDelays delays = new RecordingDelays();
        NoisePlan plan = NoisePlans.random(seed, delays);
        new Simulation(3, seed).roundRobin(plan, points, 1);
        return delays;
    }

    @Test
    void sameSeedAndPaths_run_sameDecisions() {
        assertEquals(run(42, 2_000).decisions(), run(42, 2_000).decisions());
    }

    @Test
    void differentSeeds_run_differentDecisions() {
        assertNotEquals(run(42, 2_000).decisions(), run(43, 2_000).decisions());
    }

    @Test
    void manyPoints_run_mixesYieldSpinAndParkOverMicrosToMillis() {
        RecordingDelays delays = new RecordingDelays();
        // Summed over seeds, so that every kind and both ends of the duration range show up.
        for (long seed = 0; seed < 20; seed++) {
            NoisePlan plan = NoisePlans.random(seed, delays);
            new Simulation(2, seed).roundRobin(plan, 300, 1);
        }
        Set<String> kinds = delays.decisions().stream().map(RecordingDelays.Decision::kind).collect(Collectors.toSet());
        assertEquals(Set.of("yield", "spin", "park"), kinds);
        long shortest = delays.decisions().stream().filter(d -> d.nanos() > 0)
                .mapToLong(RecordingDelays.Decision::nanos).min().orElseThrow();
        long longest = delays.decisions().stream().mapToLong(RecordingDelays.Decision::nanos).max().orElseThrow();
        assertTrue(shortest < 10_000, "shortest delay " + shortest + "ns should be a few microseconds");
        assertTrue(longest > 1_000_000, "longest delay " + longest + "ns should exceed a millisecond");
    }

    @Test
    void oneSeed_run_injectsAtOnlyADrawnShareOfPoints() {
        RecordingDelays delays = run(7, 10_000);
        int points = 3 * 10_000;
        assertTrue(delays.decisions().size() > 0, "random noise injected nothing in " + points + " points");
        assertTrue(delays.decisions().size() <= points * 0.3, delays.decisions().size() + " of " + points
                + " points delayed: more than the largest share (25%) allows for");
    }

    @Test
    void manyPoints_run_totalDelayStaysWithinTheRoundCap() {
        for (long seed = 0; seed < 10; seed++) {
            RecordingDelays delays = run(seed, 50_000);
            assertTrue(delays.totalDelayNanos() <= RandomNoise.CAP_NANOS,
                    "seed " + seed + ": " + delays.totalDelayNanos() + "ns injected");
        }
    }

    @Test
    void describe_namesTheDrawnParameters() {
        String text = NoisePlans.random(5, new RecordingDelays()).describe();
        assertTrue(text.startsWith("random(share="), text);
        assertTrue(text.contains("park=") && text.contains("cap=100ms"), text);
        assertEquals(text, NoisePlans.random(5, new RecordingDelays()).describe());
    }
}
