package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Settings come from system properties, then the annotation, then configuration parameters; bad ones are named. */
class JostledConfigurationTests {

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty("jostle.rounds");
        System.clearProperty("jostle.seed");
        System.clearProperty("jostle.strategy");
        System.clearProperty("jostle.time");
    }

    @Test
    void zeroRounds_run_failsNamingTheAttributeAndTheValue() {
        assertConfigurationError(ZeroRoundsTestCase.class, "@Jostled(rounds = 0): rounds must be at least 1");
    }

    @Test
    void negativeTime_run_failsNamingTheAttributeAndTheValue() {
        assertConfigurationError(NegativeTimeTestCase.class, "@Jostled(time = \"-1s\"): time must not be negative");
    }

    @Test
    void unknownStrategy_run_failsNamingTheKnownOnes() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(UnknownStrategyTestCase.class));

        assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
        assertTrue(failure.getMessage().startsWith("@Jostled(strategy = \"chaos\"): unknown strategy 'chaos'; known: none, random"),
                failure.getMessage());
    }

    @Test
    void zeroRoundTimeout_run_failsNamingTheAttribute() {
        assertConfigurationError(ZeroRoundTimeoutTestCase.class, "@Jostled(roundTimeout = \"0\"): roundTimeout must be positive");
    }

    @Test
    void malformedConfigurationParameter_run_failsNamingTheParameter() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(DefaultsTestCase.class, "jostle.time", "soon"));

        assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
        assertTrue(failure.getMessage().startsWith("configuration parameter jostle.time=soon: time must be a duration"),
                failure.getMessage());
    }

    @Test
    void timeTooLongForALong_run_failsNamingThePropertyNotCrashing() {
        System.setProperty("jostle.time", "99999999999999999999s");

        assertConfigurationError(DefaultsTestCase.class,
                "-Djostle.time=99999999999999999999s: time is too long: at most 106751 days");
    }

    @Test
    void malformedSystemProperty_run_failsNamingTheProperty() {
        System.setProperty("jostle.rounds", "-3");

        assertConfigurationError(DefaultsTestCase.class, "-Djostle.rounds=-3: rounds must be at least 1");
    }

    @Test
    void negativeReplays_run_failsNamingTheParameter() {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(DefaultsTestCase.class, "jostle.replays", "-1"));

        assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
        assertEquals("configuration parameter jostle.replays=-1: replays must not be negative", failure.getMessage());
    }

    @Test
    void configurationParameter_run_appliesWhenTheAnnotationSaysNothing() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(DefaultsTestCase.class,
                "jostle.rounds", "7", "jostle.seed", "99", "jostle.strategy", "none"));

        assertEquals("7", entries.get("jostle.rounds"));
        assertEquals("99", entries.get("jostle.seed"));
        assertEquals("none", entries.get("jostle.strategy"));
    }

    @Test
    void annotation_run_winsOverTheConfigurationParameter() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(AnnotatedTestCase.class,
                "jostle.rounds", "7", "jostle.seed", "99"));

        assertEquals("5", entries.get("jostle.rounds"));
        assertEquals("12", entries.get("jostle.seed"));
    }

    @Test
    void systemProperty_run_winsOverTheAnnotation() {
        System.setProperty("jostle.rounds", "3");
        System.setProperty("jostle.seed", "77");

        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(AnnotatedTestCase.class,
                "jostle.rounds", "7"));

        assertEquals("3", entries.get("jostle.rounds"));
        assertEquals("77", entries.get("jostle.seed"));
    }

    @Test
    void noSeedAnywhere_run_drawsOneAndReportsIt() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(DefaultsTestCase.class,
                "jostle.rounds", "2", "jostle.minRounds", "2", "jostle.strategy", "none"));

        assertTrue(entries.get("jostle.seed").matches("\\d+"), entries.toString());
    }

    @Test
    void defaults_run_mixedStrategyWithinTheDefaultBudget() {
        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(DefaultsTestCase.class));

        assertEquals("mixed", entries.get("jostle.strategy"));
        int rounds = Integer.parseInt(entries.get("jostle.rounds"));
        assertTrue(rounds >= 1 && rounds <= 1000, "at most the default 1000 rounds: " + rounds);
    }

    private static void assertConfigurationError(Class<?> fixture, String expected) {
        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(fixture));

        assertTrue(failure instanceof ExtensionConfigurationException, failure.toString());
        assertEquals(expected, failure.getMessage());
    }

    static class ZeroRoundsTestCase {
        @Jostled(rounds = 0)
        void test() {
        }
    }

    static class NegativeTimeTestCase {
        @Jostled(time = "-1s")
        void test() {
        }
    }

    static class UnknownStrategyTestCase {
        @Jostled(strategy = "chaos")
        void test() {
        }
    }

    static class ZeroRoundTimeoutTestCase {
        @Jostled(roundTimeout = "0")
        void test() {
        }
    }

    static class DefaultsTestCase {
        @Jostled
        void test() {
        }
    }

    static class AnnotatedTestCase {
        @Jostled(rounds = 5, seed = 12, time = "0", strategy = "none")
        void test() {
        }
    }
}
