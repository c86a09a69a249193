package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CampaignTests {

    private final RoundRunner runner = RoundRunner.builder().build();

    @Test
    void roundBudget_run_runsExactlyThatManyRoundsEachUnderItsOwnSeed() {
        Set<Long> seeds = ConcurrentHashMap.newKeySet();
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, 1000, 50, Duration.ZERO).withParallel(2);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> {
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
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, 7, 100, Duration.ZERO);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> runner.run(opener, () -> {
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
    void roundTheSearchsDeadlineStopped_run_countsItNeitherAsARoundNorAsAFailure() {
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, 0, 5, Duration.ZERO);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            // As a round whose class loading the deadline cut short: out of time under a limit not itself cut.
            return RoundOutcome.failed(FailureKind.LOADING_TIMEOUT, new AssertionError("still loading classes"),
                    ran.report(), ran.elapsed()).unfinishedByTheDeadline();
        }, Campaign.Listener.NONE);

        assertFalse(result.found(), "no evidence of a hang: " + result.firstFailure());
        assertEquals(0, result.rounds());
    }

    @Test
    void failingRounds_runCountingFailures_runsTheWholeBudget() {
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, 0, 20, Duration.ZERO)
                .withStopAtFirstFailure(false);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> runner.run(opener, () -> {
            if (Thread.currentThread().getName().matches(".*-\\d*[05]")) {
                throw new AssertionError("every fifth round");
            }
        }), Campaign.Listener.NONE);

        assertEquals(20, result.rounds());
        assertEquals(4, result.failures());
    }

    @Test
    void settingsOf_namesOnlyTheBudget_andEachWithChangesOneSetting() {
        CampaignSettings plain = CampaignSettings.of(Strategy.RANDOM, 9, 10, Duration.ofSeconds(1));

        assertEquals(new CampaignSettings(Strategy.RANDOM, 9, 10, Duration.ofSeconds(1), 1, true, false, false,
                Defaults.ROUND_TIMEOUT, 0), plain);
        assertEquals(new CampaignSettings(Strategy.NONE, 3, 0, Duration.ofSeconds(2), 4, false, true, true, null, 2),
                plain.withStrategy(Strategy.NONE).withSeed(3).withBudget(0, Duration.ofSeconds(2)).withParallel(4)
                        .withStopAtFirstFailure(false).withSiteRecording(true).withRaceDetection(true)
                        .withRoundTimeout(null).withMinRounds(2));
    }

    @Test
    void noBudget_settings_areRejectedNamingTheProblem() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CampaignSettings.of(Strategy.NONE, 0, 0, Duration.ZERO));

        assertTrue(error.getMessage().contains("budget"), error.getMessage());
    }

    @Test
    void harnessCannotRunARound_run_throwsInsteadOfReportingAFinding() {
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, 0, 5, Duration.ZERO);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Campaign.run(settings, (opener, timeout) -> {
            throw new NoSuchMethodException("no public constructor");
        }, Campaign.Listener.NONE));

        assertTrue(error.getMessage().contains("no public constructor"), error.getMessage());
    }

    @Test
    void unsetRoundTimeout_run_measuresARoundWithoutNoiseAndGivesTheJostledRoundsTenTimesIt() {
        // The task claims the round without noise took 13 s (as commons-pool's slowest tests do plainly).
        Map<Integer, RoundTimeout> limits = new ConcurrentHashMap<>();
        CampaignSettings settings = CampaignSettings.of(Strategy.RANDOM, 0, 4, Duration.ZERO)
                .withRoundTimeout(null);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { }, timeout);
            limits.put(ran.round(), timeout);
            return ran.round() < 0 ? claimingToHaveTaken(ran, Duration.ofSeconds(13)) : ran;
        }, Campaign.Listener.NONE);

        assertEquals(RoundTimeout.OBSERVATION_LIMIT, limits.get(-1).limit(), "the measuring round's generous limit");
        for (int round = 0; round < 4; round++) {
            assertEquals(Duration.ofSeconds(130), limits.get(round).limit(), "round " + round);
        }
        assertEquals(Duration.ofSeconds(13), result.normalDuration());
        assertEquals(Duration.ofSeconds(13), result.roundTimeout().normal());
        assertTrue(result.roundTimeout().derived());
        assertEquals(4, result.jostledRounds());
        assertEquals(1, result.roundsWithoutNoise(), "random noise needs no aim, so that round only measured");
    }

    @Test
    void quickTest_measuredRoundTimeout_isTheFloor() {
        assertEquals(RoundTimeout.FLOOR, RoundTimeout.measured(Duration.ofMillis(30)).limit());
        assertEquals(Duration.ofSeconds(13), RoundTimeout.measured(Duration.ofMillis(1201)).limit(),
                "10 x, rounded up to whole seconds");
    }

    @Test
    void setRoundTimeout_run_isUsedAsGivenWithoutARoundToMeasure() {
        List<RoundTimeout> limits = new CopyOnWriteArrayList<>();
        CampaignSettings settings = CampaignSettings.of(Strategy.RANDOM, 0, 3, Duration.ZERO)
                .withRoundTimeout(Duration.ofMillis(700));

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> {
            limits.add(timeout);
            return runner.run(opener, () -> { }, timeout);
        }, Campaign.Listener.NONE);

        assertEquals(3, limits.size(), "three rounds, none without noise: " + limits);
        limits.forEach(limit -> assertEquals(Duration.ofMillis(700), limit.limit()));
        assertFalse(result.roundTimeout().derived());
        assertEquals(0, result.roundsWithoutNoise());
    }

    @Test
    void aimedStrategyAndUnsetTimeout_run_measuresInTheObservationRoundItRunsAnyway() {
        List<Integer> rounds = new CopyOnWriteArrayList<>();
        CampaignSettings settings = CampaignSettings.of(Strategy.MIXED, 0, 3, Duration.ZERO)
                .withRoundTimeout(null);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { }, timeout);
            rounds.add(ran.round());
            return ran;
        }, Campaign.Listener.NONE);

        assertEquals(List.of(-1, 0, 1, 2), rounds, "one round without noise, not one to aim and one to measure");
        assertEquals(1, result.observationRounds());
        assertTrue(result.roundTimeout().derived());
    }

    @Test
    void timeSpentBeforeTheMinimum_run_stretchesTheTimeToRunTheMinimumOfRounds() {
        // Each round takes 20 times the whole time budget: without the minimum, one round would be all.
        CampaignSettings settings = CampaignSettings.of(Strategy.RANDOM, 0, 100, Duration.ofMillis(1)).withParallel(2)
                .withMinRounds(3);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> runner.run(opener,
                () -> Thread.sleep(20), timeout), Campaign.Listener.NONE);

        assertEquals(3, result.rounds());
        assertEquals(3, result.jostledRounds());
        assertTrue(result.minimumReached());
    }

    @Test
    void roundBudgetBelowTheMinimum_run_saysTheMinimumWasNotReached() {
        CampaignSettings settings = CampaignSettings.of(Strategy.RANDOM, 0, 2, Duration.ZERO)
                .withMinRounds(3);

        CampaignResult result = Campaign.run(settings, (opener, timeout) -> runner.run(opener, () -> { }, timeout),
                Campaign.Listener.NONE);

        assertEquals(2, result.rounds());
        assertFalse(result.minimumReached());
    }

    @Test
    void roundCannotBeRunAfterAnotherFailed_run_reportsTheFailure() {
        java.util.concurrent.CountDownLatch brokenStarted = new java.util.concurrent.CountDownLatch(1);
        Campaign.RoundTask task = (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            if (ran.round() == 1) {
                brokenStarted.countDown();
                throw new IllegalStateException("no file descriptors left");
            }
            // Round 0 fails once round 1 is under way, so that both happen whatever the scheduling.
            brokenStarted.await(30, java.util.concurrent.TimeUnit.SECONDS);
            return ran.round() == 0
                    ? RoundOutcome.failed(FailureKind.EXCEPTION, new AssertionError("bug"), ran.report(), ran.elapsed())
                    : ran;
        };

        CampaignSettings settings = CampaignSettings.of(Strategy.RANDOM, 1000, 2, Duration.ZERO).withParallel(2);
        CampaignResult result = Campaign.run(settings, task, Campaign.Listener.NONE);

        assertEquals(1000, result.firstFailure().report().seed(), "the failure found stands");
    }

    private static RoundOutcome claimingToHaveTaken(RoundOutcome ran, Duration elapsed) {
        return ran.withElapsed(elapsed);
    }
}
