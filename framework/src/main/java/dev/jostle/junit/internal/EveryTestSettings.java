package dev.jostle.junit.internal;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.junit.internal.JostledConfiguration.RacePolicy;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings of every-test rounds, the per-test race detection a JVM started with {@code -javaagent} gets
 * for all its tests. Read from JUnit configuration parameters, which include system properties.
 *
 * @param enabled    {@code jostle.everyTest}: false leaves tests alone, {@code @Jostled} ones still jostled
 * @param races      {@code jostle.races}, the key {@code @Jostled} reads too: {@code off}, {@code warn}
 *                   (report at the end of the run) or {@code fail} (fail the tests that had races)
 * @param noise      {@code jostle.noise}: the noise every test runs under, {@code none} by default
 * @param reportsDir {@code jostle.reportsDir}: where {@code races-by-test.json} goes
 */
record EveryTestSettings(boolean enabled, RacePolicy races, Strategy noise, Path reportsDir) {

    static final String EVERY_TEST = "jostle.everyTest";
    static final String RACES = JostledConfiguration.RACES;
    static final String NOISE = "jostle.noise";
    static final String REPORTS_DIR = "jostle.reportsDir";

    static final Path DEFAULT_REPORTS_DIR = Path.of("target", "jostle");

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the setting and its value when one is malformed
     */
    static EveryTestSettings read(Function<String, Optional<String>> parameters) {
        boolean enabled = parameters.apply(EVERY_TEST).map(value -> parseBoolean(EVERY_TEST, value)).orElse(true);
        RacePolicy races = parameters.apply(RACES).map(EveryTestSettings::parseRaces)
                .orElse(JostledConfiguration.DEFAULT_RACES);
        Strategy noise = parameters.apply(NOISE).map(EveryTestSettings::parseNoise).orElse(Strategy.NONE);
        Path reportsDir = parameters.apply(REPORTS_DIR).map(String::trim).filter(dir -> !dir.isEmpty())
                .map(Path::of).orElse(DEFAULT_REPORTS_DIR);
        return new EveryTestSettings(enabled, races, noise, reportsDir);
    }

    /** Whether a per-test round would do anything: look for races, or add noise. */
    boolean active() {
        return enabled && (races != RacePolicy.OFF || noise != Strategy.NONE);
    }

    String describe() {
        return "races=" + races.id() + ", noise=" + noise.id();
    }

    private static boolean parseBoolean(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(key + "=" + value + ": must be true or false, not '" + value + "'");
        }
    }

    private static RacePolicy parseRaces(String value) {
        for (RacePolicy policy : RacePolicy.values()) {
            if (policy.id().equalsIgnoreCase(value.trim())) {
                return policy;
            }
        }
        throw new IllegalArgumentException(RACES + "=" + value + ": races must be fail, warn or off, not '" + value + "'");
    }

    private static Strategy parseNoise(String value) {
        Strategy strategy;
        try {
            strategy = Strategy.fromId(value);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(NOISE + "=" + value + ": " + unknown.getMessage());
        }
        if (strategy == Strategy.TARGETED) {
            // Targeted noise aims at sites an observation round found shared; a test that runs once has none.
            throw new IllegalArgumentException(NOISE + "=" + value + ": targeted noise needs an observation round,"
                    + " which a test that runs once does not have; use random, pct, halt-one or mixed");
        }
        return strategy;
    }
}
