package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SeedReplaysTests {

    private final RoundRunner runner = RoundRunner.builder().build();
    private final Map<Long, AtomicInteger> runsBySeed = new ConcurrentHashMap<>();

    @Test
    void seedThatAlwaysFails_search_isReplayedUntilMostReplaysFailedAndReported() {
        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(1003L), Set.of()),
                Campaign.Listener.NONE, 5);

        assertEquals(1003, result.campaign().firstFailure().report().seed());
        assertEquals(3, result.chosen().roundNumber());
        assertEquals(3, result.chosen().replays(), "three failures of five settle it");
        assertEquals(3, result.chosen().failedAgain());
        assertTrue(result.chosen().reliable());
        assertNull(result.first());
        assertEquals(1 + 3, runsBySeed.get(1003L).get(), "the round and its replays, nothing more");
        assertEquals(4, result.campaign().rounds());
    }

    @Test
    void luckyFirstFailure_search_goesOnAndReportsTheSeedThatReplays() {
        SeedReplays.Result result = SeedReplays.search(settings(100), failingOn(Set.of(1010L), Set.of(1002L)),
                Campaign.Listener.NONE, 5);

        assertEquals(1010, result.campaign().firstFailure().report().seed());
        assertEquals(10, result.chosen().roundNumber(), "numbered on from the rounds before it");
        assertEquals("failed again in 3 of 3 replays", result.chosen().describe());
        assertEquals(1002, result.first().failure().report().seed());
        assertEquals("failed again in 0 of 5 replays", result.first().describe());
        assertEquals(2, result.weighed());
        assertEquals(11, result.campaign().rounds());
        assertEquals(2, result.campaign().failures());
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
        assertEquals("failed again in 0 of 5 replays", result.chosen().describe());
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
        Campaign.RoundTask hangs = opener -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            return new RoundOutcome(FailureKind.TIMEOUT, new AssertionError("hung"), null, null, ran.report(),
                    ran.elapsed());
        };

        SeedReplays.Result result = SeedReplays.search(settings(100), hangs, Campaign.Listener.NONE, 5);

        assertSame(FailureKind.TIMEOUT, result.campaign().firstFailure().kind());
        assertNull(result.chosen(), "each replay of a hang would cost a whole round timeout");
    }

    private static CampaignSettings settings(int rounds) {
        return new CampaignSettings(Strategy.NONE, 1000, rounds, Duration.ZERO, 1, true, false);
    }

    /** Rounds under {@code always} seeds fail every time; under {@code once} seeds, only the first time. */
    private Campaign.RoundTask failingOn(Set<Long> always, Set<Long> once) {
        return opener -> {
            RoundOutcome ran = runner.run(opener, () -> { });
            long seed = ran.report().seed();
            int runs = runsBySeed.computeIfAbsent(seed, s -> new AtomicInteger()).incrementAndGet();
            boolean fails = always.contains(seed) || (once.contains(seed) && runs == 1);
            return fails ? new RoundOutcome(FailureKind.EXCEPTION, new AssertionError("seed " + seed), null, null,
                    ran.report(), ran.elapsed()) : ran;
        };
    }
}
