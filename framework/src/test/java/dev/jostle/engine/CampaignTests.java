package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class CampaignTests {

    private final RoundRunner runner = RoundRunner.builder().build();

    @Test
    void roundBudget_run_runsExactlyThatManyRoundsEachUnderItsOwnSeed() {
        Set<Long> seeds = ConcurrentHashMap.newKeySet();
        CampaignSettings settings = new CampaignSettings(Strategy.NONE, 1000, 50, Duration.ZERO, 2, true, false);

        CampaignResult result = Campaign.run(settings, opener -> {
            RoundOutcome outcome = runner.run(opener, () -> { });
            seeds.add(outcome.report().seed());
            return outcome;
        }, Campaign.Listener.NONE);

        assertEquals(50, result.rounds());
        assertFalse(result.found());
        assertEquals(50, seeds.size());
        assertTrue(seeds.contains(1000L) && seeds.contains(1049L), "seeds run from base to base + rounds - 1");
    }

    @Test
    void failingRound_runStoppingAtFirstFailure_reportsItsSeed() {
        CampaignSettings settings = new CampaignSettings(Strategy.NONE, 7, 100, Duration.ZERO, 1, true, false);

        CampaignResult result = Campaign.run(settings, opener -> runner.run(opener, () -> {
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three breaks");
            }
        }), Campaign.Listener.NONE);

        assertTrue(result.found());
        assertEquals(3, result.firstFailure().round());
        assertEquals(10, result.firstFailure().report().seed(), "seed 7 + round 3 replays it");
        assertEquals(4, result.rounds());
    }

    @Test
    void failingRounds_runCountingFailures_runsTheWholeBudget() {
        CampaignSettings settings = new CampaignSettings(Strategy.NONE, 0, 20, Duration.ZERO, 1, false, false);

        CampaignResult result = Campaign.run(settings, opener -> runner.run(opener, () -> {
            if (Thread.currentThread().getName().matches(".*-\\d*[05]")) {
                throw new AssertionError("every fifth round");
            }
        }), Campaign.Listener.NONE);

        assertEquals(20, result.rounds());
        assertEquals(4, result.failures());
    }

    @Test
    void noBudget_settings_areRejectedNamingTheProblem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CampaignSettings(Strategy.NONE, 0, 0, Duration.ZERO, 1, true, false));

        assertTrue(error.getMessage().contains("budget"), error.getMessage());
    }

    @Test
    void harnessCannotRunARound_run_throwsInsteadOfReportingAFinding() {
        CampaignSettings settings = new CampaignSettings(Strategy.NONE, 0, 5, Duration.ZERO, 1, true, false);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Campaign.run(settings, opener -> {
            throw new NoSuchMethodException("no public constructor");
        }, Campaign.Listener.NONE));

        assertTrue(error.getMessage().contains("no public constructor"), error.getMessage());
    }
}
