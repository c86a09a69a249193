package dev.jostle.junit.internal;

import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Defaults;
import dev.jostle.engine.Durations;
import dev.jostle.engine.Shard;
import dev.jostle.junit.Jostled;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings of one jostled test, each read from the first source that has it: the system property
 * ({@code -Djostle.rounds=...}), the annotation, the JUnit configuration parameter (for example
 * {@code junit-platform.properties}), the default. System properties are read here, before the annotation,
 * rather than left to JUnit (which also serves them as configuration parameters) so that a CI run can
 * scale a test that sets its own budget.
 *
 * <p>A boolean attribute cannot say "unset": an annotation's {@code false} counts as unset, its
 * {@code true} as set.
 *
 * @param seedGiven    whether the seed came from a setting (a replay) rather than being drawn for this run
 * @param roundTimeout the set round timeout; null to derive it from the test's duration in a round without noise
 * @param replays      how many times a failing round's seed is replayed to check it (0: not checked)
 * @param minRounds    the fewest jostled rounds a passing test may have run (at most {@code rounds})
 * @param shard        the part of the seed space this run searches (one job of a CI matrix), from {@code seed}
 */
record JostledConfiguration(int rounds, Duration time, long seed, boolean seedGiven, Strategy strategy,
        Duration roundTimeout, int parallel, boolean compareWithoutNoise, boolean failOnLeftoverThreads,
        RacePolicy races, int replays, int minRounds, Shard shard) {

    /** What a data race does to the test. */
    enum RacePolicy {
        FAIL, WARN, OFF;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Warn, not fail, by default: a race the rounds did not turn into a failure may be benign (a racy cache
     * of an immutable value), and an existing suite should not break the day it adopts Jostle. CI that wants
     * every race to fail the build says -Djostle.races=fail. Not in {@link Defaults}: only a test has a race
     * policy, a hunt reports races apart from its verdict.
     */
    static final RacePolicy DEFAULT_RACES = RacePolicy.WARN;

    static final String ROUNDS = "jostle.rounds";
    static final String TIME = "jostle.time";
    static final String SEED = "jostle.seed";
    static final String STRATEGY = "jostle.strategy";
    static final String ROUND_TIMEOUT = "jostle.roundTimeout";
    static final String PARALLEL = "jostle.parallel";
    static final String COMPARE = "jostle.compareWithoutNoise";
    static final String LEFTOVER = "jostle.failOnLeftoverThreads";
    static final String RACES = "jostle.races";
    static final String REPLAYS = "jostle.replays";
    static final String MIN_ROUNDS = "jostle.minRounds";
    static final String SHARD = "jostle.shard";

    static JostledConfiguration resolve(Jostled annotation, ExtensionContext context) {
        Sources sources = new Sources(annotation, context);
        Optional<Setting> roundsSetting = sources.find(ROUNDS, "rounds",
                a -> a.rounds() == Jostled.UNSET ? null : String.valueOf(a.rounds()));
        int rounds = roundsSetting.map(s -> s.parseInt(1, "rounds must be at least 1")).orElse(Defaults.TEST_ROUNDS);
        Duration time = sources.find(TIME, "time", a -> a.time().isEmpty() ? null : a.time())
                .map(s -> s.parseDuration(true)).orElse(Defaults.TEST_TIME);
        Optional<Setting> seedSetting = sources.find(SEED, "seed",
                a -> a.seed() == Jostled.UNSET ? null : String.valueOf(a.seed()));
        long seed = seedSetting.map(Setting::parseLong).orElseGet(Seeds::random);
        Strategy strategy = sources.find(STRATEGY, "strategy", a -> a.strategy().isEmpty() ? null : a.strategy())
                .map(Setting::parseStrategy).orElse(Defaults.STRATEGY);
        Duration roundTimeout = sources.find(ROUND_TIMEOUT, "roundTimeout",
                a -> a.roundTimeout().isEmpty() ? null : a.roundTimeout())
                .map(s -> s.parseDuration(false)).orElse(null);
        int parallel = sources.find(PARALLEL, "parallel", a -> a.parallel() == Jostled.UNSET ? null : String.valueOf(a.parallel()))
                .map(s -> s.parseInt(1, "parallel must be at least 1")).orElse(Runtime.getRuntime().availableProcessors());
        boolean compare = sources.find(COMPARE, "compareWithoutNoise", a -> a.compareWithoutNoise() ? "true" : null)
                .map(Setting::parseBoolean).orElse(false);
        boolean leftover = sources.find(LEFTOVER, "failOnLeftoverThreads", a -> a.failOnLeftoverThreads() ? "true" : null)
                .map(Setting::parseBoolean).orElse(false);
        RacePolicy races = sources.find(RACES, "races", a -> a.races().isEmpty() ? null : a.races())
                .map(Setting::parseRacePolicy).orElse(DEFAULT_RACES);
        // Not an annotation attribute: how a failure is double-checked is a run's concern, not a test's.
        int replays = sources.find(REPLAYS, "replays", a -> null)
                .map(s -> s.parseInt(0, "replays must not be negative")).orElse(Defaults.REPLAYS);
        Optional<Setting> minSetting = sources.find(MIN_ROUNDS, "minRounds",
                a -> a.minRounds() == Jostled.UNSET ? null : String.valueOf(a.minRounds()));
        int minRounds = minSetting.map(s -> s.parseInt(1, "minRounds must be at least 1")).orElse(Defaults.TEST_MIN_ROUNDS);
        if (rounds < minRounds) {
            // Known before any round runs, so said at once, as a configuration error: run and then skipped, the
            // test would look like a pass in most CI summaries, the vacuous pass minRounds exists to prevent.
            throw new ExtensionConfigurationException(roundsSetting.map(Setting::describe).orElse("rounds = " + rounds)
                    + " is below " + minSetting.map(Setting::describe).orElse("the default minRounds = " + minRounds)
                    + ": a test that passes fewer jostled rounds than the minimum was barely jostled. Allow it with"
                    + " @Jostled(minRounds = " + rounds + ") or -D" + MIN_ROUNDS + "=" + rounds + ".");
        }
        // Not an annotation attribute either: which part of the seeds a job searches is a CI matrix's concern.
        Optional<Setting> shardSetting = sources.find(SHARD, "shard", a -> null);
        Shard shard = shardSetting.map(Setting::parseShard).orElse(Shard.WHOLE);
        if (!shard.isWhole() && seedSetting.isEmpty()) {
            // Each job would draw its own base seed: the shards' seeds would no longer be disjoint by design.
            throw new ExtensionConfigurationException(shardSetting.get().describe() + ": the shards must share a"
                    + " base seed to search disjoint seeds; set " + SEED + " too (in CI, the run's number, such as"
                    + " -D" + SEED + "=$GITHUB_RUN_ID)");
        }
        // rounds is at least 1, so there is always a budget even when time is "0" (no time limit).
        return new JostledConfiguration(rounds, time, seed, seedSetting.isPresent(), strategy, roundTimeout,
                parallel, compare, leftover, races, replays, minRounds, shard);
    }

    /** The seed of round 0: the base seed, moved to the start of its shard. */
    long firstSeed() {
        return shard.firstSeed(seed);
    }

    /** Where settings come from, in order. */
    private static final class Sources {
        private final Jostled annotation;
        private final ExtensionContext context;

        Sources(Jostled annotation, ExtensionContext context) {
            this.annotation = annotation;
            this.context = context;
        }

        Optional<Setting> find(String key, String attribute, Function<Jostled, String> fromAnnotation) {
            String property = System.getProperty(key);
            if (property != null) {
                return Optional.of(new Setting("-D" + key + "=" + property, attribute, property));
            }
            String annotated = fromAnnotation.apply(annotation);
            if (annotated != null) {
                return Optional.of(new Setting("@Jostled(" + attribute + " = " + quoted(attribute, annotated) + ")",
                        attribute, annotated));
            }
            return context.getConfigurationParameter(key)
                    .map(value -> new Setting("configuration parameter " + key + "=" + value, attribute, value));
        }

        private static String quoted(String attribute, String value) {
            switch (attribute) {
                case "time":
                case "strategy":
                case "roundTimeout":
                case "races":
                    return "\"" + value + "\"";
                default:
                    return value;
            }
        }
    }

    /** One setting's raw value and where it came from, for the error message. */
    private static final class Setting {
        private final String source;
        private final String attribute;
        private final String value;

        Setting(String source, String attribute, String value) {
            this.source = source;
            this.attribute = attribute;
            this.value = value.trim();
        }

        /** Where the setting came from, with its value: "@Jostled(rounds = 2)". */
        String describe() {
            return source;
        }

        private ExtensionConfigurationException bad(String problem) {
            return new ExtensionConfigurationException(source + ": " + problem);
        }

        int parseInt(int minimum, String problem) {
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw bad(attribute + " must be a whole number, not '" + value + "'");
            }
            if (parsed < minimum) {
                throw bad(problem);
            }
            return parsed;
        }

        long parseLong() {
            try {
                String digits = value.endsWith("L") || value.endsWith("l") ? value.substring(0, value.length() - 1) : value;
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw bad(attribute + " must be a whole number, not '" + value + "'");
            }
        }

        boolean parseBoolean() {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    throw bad(attribute + " must be true or false, not '" + value + "'");
            }
        }

        RacePolicy parseRacePolicy() {
            for (RacePolicy policy : RacePolicy.values()) {
                if (policy.id().equalsIgnoreCase(value)) {
                    return policy;
                }
            }
            throw bad("races must be fail, warn or off, not '" + value + "'");
        }

        Shard parseShard() {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException malformed) {
                throw bad(malformed.getMessage());
            }
        }

        Strategy parseStrategy() {
            try {
                return Strategy.fromId(value);
            } catch (IllegalArgumentException unknown) {
                throw bad(unknown.getMessage());
            }
        }

        /** A duration in the engine's grammar ({@link Durations}): "2s", "500ms", "1m", "1h", "2", "PT2S". */
        Duration parseDuration(boolean zeroMeansUnlimited) {
            try {
                return zeroMeansUnlimited ? Durations.parse(value) : Durations.parsePositive(value);
            } catch (Durations.BadDuration problem) {
                throw bad(attribute + " " + problem.getMessage());
            }
        }
    }
}
