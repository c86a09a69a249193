package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Races are reported even when every round passes: the fixture's threads both write one plain field
 * (nothing is lost, the assertion always holds), which the memory model calls a data race all the same.
 * Noise is off in these fixtures, so what is seen is the detector's doing alone.
 */
class JostledRaceTests {

    @Test
    void racyTestThatAlwaysPasses_racesFail_failsWithTheRaceReport() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(RacyTestCase.class, "jostle.races", "fail"));

        String message = failure.getMessage();
        assertTrue(message.startsWith("1 data race found in 20 rounds, although every round passed"), message);
        assertTrue(message.contains("data race on dev.jostle.junit.JostledRaceTests$RacyTestCase.owner"), message);
        assertTrue(message.contains("write in thread \"concurrently-"), message);
        assertTrue(message.contains("JostledRaceTests.java:"), "both sites named with their lines: " + message);
    }

    @Test
    void racyTestThatAlwaysPasses_racesWarn_passesAndReportsTheRace() {
        EngineExecutionResults results = JostledTestKit.run(RacyTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        Map<String, String> entries = JostledTestKit.reportEntries(results);
        assertEquals("1", entries.get("jostle.races"), "warn is the default");
        assertTrue(entries.get("jostle.raceReport").contains("RacyTestCase.owner"), entries.toString());
    }

    @Test
    void racyTestThatAlwaysPasses_racesOff_passesWithoutLooking() {
        EngineExecutionResults results = JostledTestKit.run(RacyTestCase.class, "jostle.races", "off");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertFalse(JostledTestKit.reportEntries(results).containsKey("jostle.races"));
    }

    @Test
    void sameTestWithALock_racesFail_passes() {
        EngineExecutionResults results = JostledTestKit.run(LockedTestCase.class, "jostle.races", "fail");

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertEquals("0", JostledTestKit.reportEntries(results).get("jostle.races"));
    }

    @Test
    void unknownPolicy_isAConfigurationErrorNamingTheValue() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(RacyTestCase.class, "jostle.races", "loud"));

        assertTrue(failure.getMessage().contains("jostle.races=loud: races must be fail, warn or off, not 'loud'"),
                failure.getMessage());
    }

    static class RacyTestCase {
        private String owner;

        @Jostled(rounds = 20, strategy = "none", parallel = 1)
        void bothThreadsClaimTheSameSlot() {
            Concurrently.run(2, () -> owner = "claimed");
            org.junit.jupiter.api.Assertions.assertEquals("claimed", owner);
        }
    }

    static class LockedTestCase {
        private String owner;

        @Jostled(rounds = 20, strategy = "none", parallel = 1)
        void bothThreadsClaimTheSameSlotUnderALock() {
            Concurrently.run(2, () -> {
                synchronized (this) {
                    owner = "claimed";
                }
            });
            synchronized (this) {
                org.junit.jupiter.api.Assertions.assertEquals("claimed", owner);
            }
        }
    }
}
