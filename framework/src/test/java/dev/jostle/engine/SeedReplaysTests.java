package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeedReplaysTests {

    private final RoundRunner runner = RoundRunner.builder().build();
    private final Map<Long, AtomicInteger> runsBySeed = new ConcurrentHashMap<>();

    @Test
    void seedThatAlwaysFails_search_isReplayedEveryTimeAndReported() {
        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(1003L), Set.of()),
                Campaign.Listener.NONE, 5);

        assertEquals(1003, result.campaign().firstFailure().report().seed());
        assertEquals(3, result.chosen().roundNumber());
        assertEquals(5, result.chosen().replays());
        assertEquals(5, result.chosen().failedAgain());
        assertTrue(result.chosen().reliable());
        assertNull(result.first());
        assertEquals(1 + 5, runsBySeed.get(1003L).get(), "the round and its replays, nothing more");
        assertEquals(4, result.campaign().rounds());
    }

    @Test
    void luckyFirstFailure_search_goesOnAndReportsTheSeedThatReplays() {
        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(1010L), Set.of(1002L)),
                Campaign.Listener.NONE, 5);

        assertEquals(1010, result.campaign().firstFailure().report().seed());
        assertEquals(10, result.chosen().roundNumber(), "numbered on from the rounds before it");
        assertEquals("failed again in 5 of 5 replays", result.chosen().describe());
        assertEquals(1002, result.first().failure().report().seed());
        assertEquals("failed again in 0 of 1 replay", result.first().describe(), "the first replay settles it");
        assertEquals(2, result.weighed());
        assertEquals(11, result.campaign().rounds());
        assertEquals(2, result.campaign().failures());
    }

    @Test
    void seedThatFailsMostReplaysButNotAll_search_goesOnForOneThatFailsEveryReplay() {
        // 1002 fails the round and its first 3 replays, then passes: "most replays failed" would take it.
        SeedReplays.Result result = SeedReplays.search(settings(100),
                failing(Map.of(1002L, 4, 1010L, Integer.MAX_VALUE)), Campaign.Listener.NONE, 5);

        assertEquals(1010, result.campaign().firstFailure().report().seed());
        assertTrue(result.chosen().reliable());
        assertEquals("failed again in 3 of 4 replays", result.first().describe());
        assertFalse(result.first().reliable());
    }

    @Test
    void longerRunOfFailedReplays_search_reportsIt_whenNoSeedFailsEveryReplay() {
        SeedReplays.Result result = SeedReplays.search(settings(20),
                failing(Map.of(1002L, 2, 1006L, 4, 1010L, 3)), Campaign.Listener.NONE, 5);

        assertEquals(1006, result.campaign().firstFailure().report().seed());
        assertEquals("failed again in 3 of 4 replays", result.chosen().describe());
        assertEquals("failed again in 1 of 2 replays", result.first().describe());
        assertEquals(3, result.weighed());
    }

    @Test
    void roundWithRaceDetection_search_replaysItWithDetectionOn() {
        // Strategy none, nothing recorded: only race detection arms the hooks of a round.
        java.util.List<Boolean> armed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Campaign.RoundTask recording = (opener, timeout) -> {
            RoundOutcome outcome = failing(Map.of(1000L, Integer.MAX_VALUE)).run(thread -> {
                Round round = opener.apply(thread);
                armed.add(dev.jostle.agent.bootstrap.Probes.anyRoundOpen());
                return round;
            }, timeout);
            return outcome;
        };

        SeedReplays.search(settings(100).withRaceDetection(true), recording, Campaign.Listener.NONE, 5);

        assertEquals(java.util.List.of(true, true, true, true, true, true), armed,
                "the round and its 5 replays, all with detection on, as the replay line runs them");
    }

    @Test
    void severalLuckyFailuresInARow_search_goesOnUntilASeedReplays() {
        SeedReplays.Result result = SeedReplays.search(settings(100),
                failingOn(Set.of(1015L), Set.of(1002L, 1004L, 1006L, 1008L, 1010L)), Campaign.Listener.NONE, 5);

        assertEquals(1015, result.campaign().firstFailure().report().seed());
        assertTrue(result.chosen().reliable());
        assertEquals(1002, result.first().failure().report().seed());
        assertEquals(6, result.weighed());
    }

    @Test
    void onlyLuckyFailures_search_weighsAtMostItsCandidatesAndReportsTheFirst() {
        Set<Long> lucky = java.util.stream.LongStream.range(1000, 1100).boxed().collect(java.util.stream.Collectors.toSet());

        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(), lucky),
                Campaign.Listener.NONE, 5);

        assertEquals(SeedReplays.MAX_CANDIDATES, result.weighed());
        assertEquals(1000, result.campaign().firstFailure().report().seed(), "none replays better than the first");
        assertFalse(result.chosen().reliable());
        assertEquals(SeedReplays.MAX_CANDIDATES, result.campaign().rounds());
    }

    @Test
    void seedsFailingAllButTheLastReplay_searchUnderATimeBudget_stopsWeighingWhenReplaysHaveSpentIt() {
        Map<Long, Integer> allButTheLast = java.util.stream.LongStream.range(1000, 1100).boxed()
                .collect(java.util.stream.Collectors.toMap(seed -> seed, seed -> 5));
        Campaign.RoundTask slowUnreliable = (opener, timeout) -> {
            RoundOutcome outcome = failing(allButTheLast).run(opener, timeout);
            sleep(20);
            return outcome;
        };
        CampaignSettings budget = CampaignSettings.of(Strategy.NONE, 1000, 0, Duration.ofMillis(300));

        SeedReplays.Result result = SeedReplays.search(budget, slowUnreliable, Campaign.Listener.NONE, 5);

        // Each candidate costs its round and 5 replays of at least 20 ms: 8 of them could not fit in 300 ms.
        assertTrue(result.weighed() < SeedReplays.MAX_CANDIDATES, "weighed " + result.weighed());
    }

    @Test
    void luckyFirstFailure_searchGoingOn_countsProgressOnFromTheRoundsBefore() {
        java.util.List<Integer> counts = new java.util.concurrent.CopyOnWriteArrayList<>();

        SeedReplays.search(settings(100), failingOn(Set.of(1010L), Set.of(1002L)),
                (outcome, done, elapsed) -> counts.add(done), 5);

        assertEquals(java.util.stream.IntStream.rangeClosed(1, 11).boxed().collect(java.util.stream.Collectors.toList()),
                counts, "replays are not rounds of the search; the search's rounds count 1 to 11");
    }

    @Test
    void luckyFailureWithTheBudgetSpent_search_reportsItWithItsPoorReplays() {
        SeedReplays.Result result = SeedReplays.search(settings(3), failingOn(Set.of(1010L), Set.of(1002L)),
                Campaign.Listener.NONE, 5);

        assertEquals(1002, result.campaign().firstFailure().report().seed());
        assertFalse(result.chosen().reliable());
        assertEquals("failed again in 0 of 1 replay", result.chosen().describe());
        assertNull(result.first());
        assertEquals(3, result.campaign().rounds());
    }

    @Test
    void replaysOff_search_isThePlainCampaign() {
        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(1003L), Set.of()),
                Campaign.Listener.NONE, 0);

        assertEquals(1003, result.campaign().firstFailure().report().seed());
        assertNull(result.chosen());
        assertEquals(1, runsBySeed.get(1003L).get());
    }

    @Test
    void hang_search_isNotReplayed() {
        Campaign.RoundTask hangs = (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            return RoundOutcome.failed(FailureKind.TIMEOUT, new AssertionError("hung"), ran.report(),
                    ran.elapsed());
        };

        SeedReplays.Result result = SeedReplays.search(settings(100), hangs, Campaign.Listener.NONE, 5);

        assertSame(FailureKind.TIMEOUT, result.campaign().firstFailure().kind());
        assertNull(result.chosen(), "each replay of a hang would cost a whole round timeout");
    }

    @Test
    void measuredRoundTimeout_search_replaysUnderTheSameLimitWithoutMeasuringAgain() {
        java.util.List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        Campaign.RoundTask task = (opener, timeout) -> {
            RoundOutcome ran = failingOn(Set.of(1003L), Set.of()).run(opener, timeout);
            runs.add(ran.round() + "@" + timeout.limit().toSeconds() + "s");
            // The round without noise claims 2 s: the rounds after it get 20 s.
            return ran.round() < 0 ? RoundOutcome.passed(ran.report(), Duration.ofSeconds(2))
                    : ran;
        };

        SeedReplays.Result result = SeedReplays.search(
                settings(100).withStrategy(Strategy.RANDOM).withRoundTimeout(null), task, Campaign.Listener.NONE, 2);

        assertEquals(java.util.List.of("-1@120s", "0@20s", "1@20s", "2@20s", "3@20s", "0@20s", "0@20s"), runs,
                "one round measures; rounds 0 to 3, then two replays of round 3's seed, all under its limit");
        assertEquals(Duration.ofSeconds(20), result.campaign().roundTimeout().limit());
        assertEquals(1, result.campaign().roundsWithoutNoise());
        assertEquals(4, result.campaign().jostledRounds());
    }

    @Test
    void failureFoundLate_searchWithADeadline_replaysOnlyWhileTimeIsLeft_andNothingRunsPastIt() {
        AtomicLong clock = new AtomicLong();
        java.util.List<Duration> limits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), clock::get);

        SeedReplays.Result result = SeedReplays.search(settings(100),
                takingTwoSeconds(failingOn(Set.of(1001L), Set.of()), clock, limits), Campaign.Listener.NONE, 5,
                deadline);

        // Rounds 0 and 1 (0 s to 4 s), replays from 4 s and 6 s under what is left (no room for a hang's grace,
        // but for the 2 s they take); the replay at 8 s gets less than it takes, runs out, and is not counted;
        // none starts after it.
        assertEquals(1001, result.campaign().firstFailure().report().seed());
        assertEquals("failed again in 2 of 2 replays", result.chosen().describe());
        Duration reserve = Deadline.RESERVE;
        assertEquals(java.util.List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(4).minus(reserve), Duration.ofSeconds(2).minus(reserve)), limits);
        assertTrue(clock.get() <= Duration.ofSeconds(10).toNanos(), "ended at " + Duration.ofNanos(clock.get()));
    }

    @Test
    void roundCutShortByTheDeadline_campaign_countsItNeitherAsARoundNorAsAHang() {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), clock::get);

        CampaignResult result = Campaign.run(settings(100), takingTwoSeconds(failingOn(Set.of(), Set.of()), clock,
                new java.util.ArrayList<>()), Campaign.Listener.NONE, deadline);

        assertFalse(result.found());
        assertEquals(4, result.rounds(), "rounds at 0 s, 2 s, 4 s and 6 s; the one at 8 s was cut short");
    }

    @Test
    void roundLongerThanWhatIsLeft_campaign_doesNotStartIt() {
        AtomicLong clock = new AtomicLong();
        java.util.List<Duration> limits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Deadline deadline = Deadline.after(Duration.ofSeconds(9), clock::get);

        CampaignResult result = Campaign.run(settings(100), takingTwoSeconds(failingOn(Set.of(), Set.of()), clock,
                limits), Campaign.Listener.NONE, deadline);

        // Rounds at 0 s, 2 s, 4 s and 6 s; at 8 s, 0.5 s is left before the reserve, less than a round takes: a
        // round started then could only be cut short, so none is.
        assertEquals(4, result.rounds());
        assertEquals(4, limits.size(), "rounds started, with their limits: " + limits);
        assertEquals(Duration.ofSeconds(8).toNanos(), clock.get());
    }

    @Test
    void failureFoundWithNoTimeLeftToReplay_search_reportsItWithoutReplays() {
        AtomicLong clock = new AtomicLong();
        Deadline deadline = Deadline.after(Duration.ofSeconds(10), clock::get);

        SeedReplays.Result result = SeedReplays.search(settings(100),
                takingTwoSeconds(failingOn(Set.of(1003L), Set.of()), clock, new java.util.ArrayList<>()),
                Campaign.Listener.NONE, 5, deadline);

        // Round 3 fails at 6 s to 8 s; a replay then gets less than the 2 s it takes and is not counted.
        assertEquals(1003, result.campaign().firstFailure().report().seed());
        assertNull(result.chosen());
        assertEquals(2, runsBySeed.get(1003L).get(), "the round, and the replay that ran out of time");
    }

    /**
     * Each run takes two seconds of the given clock, or runs out of its limit first (a timeout); the limits
     * runs got are added to {@code limits}.
     */
    private static Campaign.RoundTask takingTwoSeconds(Campaign.RoundTask task, AtomicLong clock,
            java.util.List<Duration> limits) {
        Duration takes = Duration.ofSeconds(2);
        return (opener, timeout) -> {
            limits.add(timeout.limit());
            RoundOutcome ran = task.run(opener, timeout);
            if (timeout.limit().compareTo(takes) < 0) {
                clock.addAndGet(timeout.limit().toNanos());
                return RoundOutcome.failed(FailureKind.TIMEOUT, new AssertionError("out of time"), ran.report(),
                        timeout.limit());
            }
            clock.addAndGet(takes.toNanos());
            return ran.withElapsed(takes);
        };
    }

    @Test
    void observationRoundFails_search_replaysItAsRound0WithoutNoiseAtItsSeed() {
        java.util.List<String> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        Campaign.RoundTask withoutNoiseFails = (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            runs.add(ran.round() + " " + ran.report().strategy().id() + " " + ran.report().seed());
            return ran.report().strategy() == Strategy.NONE ? failed(ran) : ran;
        };

        SeedReplays.Result result = SeedReplays.search(settings(100).withStrategy(Strategy.TARGETED),
                withoutNoiseFails, Campaign.Listener.NONE, 3);

        assertEquals(java.util.List.of("-1 none 1000", "0 none 1000", "0 none 1000", "0 none 1000"), runs);
        assertEquals(-1, result.chosen().roundNumber());
        assertEquals("failed again in 3 of 3 replays", result.chosen().describe());
        assertTrue(result.evidence("  ").startsWith("this round without noise failed again in 3 of 3 replays"),
                result.evidence("  "));
        assertEquals(0, result.campaign().rounds());
    }

    @Test
    void observationRoundFailsByLuck_search_goesOnAndReportsAJostledSeedThatReplays() {
        AtomicInteger observations = new AtomicInteger();
        Campaign.RoundTask task = (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            boolean luckyObservation = ran.report().strategy() == Strategy.NONE && observations.incrementAndGet() == 1;
            boolean jostledBug = ran.report().strategy() != Strategy.NONE && ran.report().seed() == 1002;
            return luckyObservation || jostledBug ? failed(ran) : ran;
        };

        SeedReplays.Result result = SeedReplays.search(settings(100).withStrategy(Strategy.TARGETED), task,
                Campaign.Listener.NONE, 5);

        assertEquals(1002, result.campaign().firstFailure().report().seed());
        assertEquals("failed again in 5 of 5 replays", result.chosen().describe());
        assertEquals(-1, result.first().roundNumber());
        assertTrue(result.evidence("  ").contains("the first failing round, the observation round (no noise, seed"
                + " 1000), failed again in 0 of 1 replay, so the search went on"), result.evidence("  "));
    }

    @Test
    void replayCannotBeRun_search_reportsTheFailureWithTheReplaysThatRan() {
        AtomicInteger runs = new AtomicInteger();
        Campaign.RoundTask brokenAfterTwo = (opener, timeout) -> {
            if (runs.incrementAndGet() > 2) {
                throw new IllegalStateException("no file descriptors left");
            }
            return failed(runner.run(opener, () -> { }));
        };

        SeedReplays.Result result = SeedReplays.search(settings(100), brokenAfterTwo, Campaign.Listener.NONE, 5);

        assertEquals(1000, result.campaign().firstFailure().report().seed(), "the failure stands");
        assertEquals("failed again in 1 of 1 replay, then a replay could not be run"
                + " (java.lang.IllegalStateException: no file descriptors left)", result.chosen().describe());
    }

    private static RoundOutcome failed(RoundOutcome ran) {
        return RoundOutcome.failed(FailureKind.EXCEPTION, new AssertionError("failed"), ran.report(),
                ran.elapsed());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CampaignSettings settings(int rounds) {
        return CampaignSettings.of(Strategy.NONE, 1000, rounds, Duration.ZERO);
    }

    /** Rounds under {@code always} seeds fail every time; under {@code once} seeds, only the first time. */
    private Campaign.RoundTask failingOn(Set<Long> always, Set<Long> once) {
        Map<Long, Integer> failingRuns = new java.util.HashMap<>();
        always.forEach(seed -> failingRuns.put(seed, Integer.MAX_VALUE));
        once.forEach(seed -> failingRuns.put(seed, 1));
        return failing(failingRuns);
    }

    /** Rounds under each seed fail their first so many runs (the round, then its replays), then pass. */
    private Campaign.RoundTask failing(Map<Long, Integer> failingRuns) {
        return (opener, timeout) -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            long seed = ran.report().seed();
            int runs = runsBySeed.computeIfAbsent(seed, s -> new AtomicInteger()).incrementAndGet();
            boolean fails = runs <= failingRuns.getOrDefault(seed, 0);
            return fails ? RoundOutcome.failed(FailureKind.EXCEPTION, new AssertionError("seed " + seed), ran.report(),
                    ran.elapsed()) : ran;
        };
    }
}
