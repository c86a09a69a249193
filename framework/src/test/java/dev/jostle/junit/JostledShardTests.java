package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** {@code jostle.shard=K/N}: each job of a CI matrix runs a jostled test under its own part of the seeds. */
class JostledShardTests {

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty("jostle.shard");
    }

    @Test
    void shard_run_roundsRunUnderTheShardsSeeds() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(FailsInRoundThreeTestCase.class,
                "jostle.seed", "1000", "jostle.shard", "2/4", "jostle.replays", "0"));

        assertEquals("3", entries.get("jostle.failedRound"));
        assertEquals("1000000000001003", entries.get("jostle.failedSeed"), "shard 2 starts 10^15 seeds on");
        assertEquals("1000", entries.get("jostle.seed"), "the base seed, shared by every shard");
        assertEquals("2/4", entries.get("jostle.shard"));
    }

    @Test
    void shard_run_messageSaysTheSeedReplaysWithoutTheShard() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(FailsInRoundThreeTestCase.class,
                "jostle.seed", "1000", "jostle.shard", "2/4", "jostle.replays", "0"));

        assertTrue(failure.getMessage().contains("seed:     1000000000001003 (base seed 1000, as configured, shard 2/4:"
                + " the seed alone replays the round, without jostle.shard)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("-Djostle.seed=1000000000001003 -Djostle.strategy=random"),
                failure.getMessage());
    }

    @Test
    void badShards_run_failNamingTheSettingAndTheValue() {
        assertConfigurationError("configuration parameter jostle.shard=0/4: K must be between 1 and N (4), not 0",
                "jostle.seed", "1", "jostle.shard", "0/4");
        assertConfigurationError("configuration parameter jostle.shard=5/4: K must be between 1 and N (4), not 5",
                "jostle.seed", "1", "jostle.shard", "5/4");
        assertConfigurationError("configuration parameter jostle.shard=1/0: N must be between 1 and 1024, not 0",
                "jostle.seed", "1", "jostle.shard", "1/0");
        System.setProperty("jostle.shard", "x");
        assertConfigurationError("-Djostle.shard=x: expected K/N (shard K of N, counted from 1), such as 2/4",
                "jostle.seed", "1");
    }

    @Test
    void shardWithoutSeed_run_failsAskingForTheSharedSeed() {
        assertConfigurationError("configuration parameter jostle.shard=2/4: the shards must share a base seed to"
                + " search disjoint seeds; set jostle.seed too (in CI, the run's number, such as"
                + " -Djostle.seed=$GITHUB_RUN_ID)", "jostle.shard", "2/4");
    }

    private static void assertConfigurationError(String expected, String... keyValues) {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(PassesTestCase.class, keyValues));

        assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
        assertEquals(expected, failure.getMessage());
    }

    static class PassesTestCase {
        @Jostled(rounds = 3, time = "0", strategy = "none")
        void test() {
        }
    }

    static class FailsInRoundThreeTestCase {
        @Jostled(rounds = 10, time = "0", strategy = "random", parallel = 1)
        void failsInRoundThree() {
            // Each round's root thread is named after the test and the round number.
            if (Thread.currentThread().getName().endsWith("-3")) {
                throw new AssertionError("round three");
            }
        }
    }
}
