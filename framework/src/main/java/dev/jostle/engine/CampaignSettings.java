package dev.jostle.engine;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;

/**
 * The budget and noise of a campaign. A campaign ends at whichever budget is spent first, except that the
 * time budget stretches until {@code minRounds} rounds have run: time is a target, the minimum a floor.
 *
 * @param strategy           the noise strategy ({@code mixed} rotates per round)
 * @param seed               the base seed: round {@code i} runs under seed {@code seed + i}
 * @param rounds             the most rounds to run; 0 for no limit (then {@code time} must be set)
 * @param time               the wall-clock time to aim for; {@link Duration#ZERO} for no limit
 * @param parallel           rounds run at once
 * @param stopAtFirstFailure stop at the first failing round (otherwise count failures over the budget)
 * @param recordSites        record per-site usage in every round
 * @param detectRaces        look for data races in every round (reported even when every round passes)
 * @param roundTimeout       how long a round may run; null to derive it from the test's own duration
 *                           (see {@link RoundTimeout#measured}), measured in a first round without noise
 * @param minRounds          rounds to run even when {@code time} is spent first (0: none); a passing
 *                           campaign that ran fewer says so in {@link CampaignResult#minimumReached()}
 */
public record CampaignSettings(Strategy strategy, long seed, int rounds, Duration time, int parallel,
        boolean stopAtFirstFailure, boolean recordSites, boolean detectRaces, Duration roundTimeout, int minRounds) {

    /**
     * Settings with this budget, and otherwise: one round at a time, stop at the first failure, no per-site
     * recording, no race detection, the default round timeout ({@link Defaults#ROUND_TIMEOUT}), no minimum of
     * rounds. The {@code with...} methods change one each.
     */
    public static CampaignSettings of(Strategy strategy, long seed, int rounds, Duration time) {
        return new CampaignSettings(strategy, seed, rounds, time, 1, true, false, false, Defaults.ROUND_TIMEOUT, 0);
    }

    public CampaignSettings {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must be set");
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must not be negative: " + rounds);
        }
        if (time == null || time.isNegative()) {
            throw new IllegalArgumentException("time must not be negative: " + time);
        }
        if (rounds == 0 && time.isZero()) {
            throw new IllegalArgumentException("a campaign needs a budget: rounds or time");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        }
        if (roundTimeout != null && (roundTimeout.isNegative() || roundTimeout.isZero())) {
            throw new IllegalArgumentException("round timeout must be positive: " + roundTimeout);
        }
        if (minRounds < 0) {
            throw new IllegalArgumentException("minRounds must not be negative: " + minRounds);
        }
    }

    /** Whether the round timeout is derived from a first round without noise rather than set. */
    public boolean measuresRoundTimeout() {
        return roundTimeout == null;
    }

    /** The same budget under another strategy (e.g. {@code none} for the "without jostling" baseline). */
    public CampaignSettings withStrategy(Strategy other) {
        return new CampaignSettings(other, seed, rounds, time, parallel, stopAtFirstFailure, recordSites, detectRaces,
                roundTimeout, minRounds);
    }

    public CampaignSettings withSeed(long base) {
        return new CampaignSettings(strategy, base, rounds, time, parallel, stopAtFirstFailure, recordSites,
                detectRaces, roundTimeout, minRounds);
    }

    /** Another budget: at most {@code most} rounds (0: no limit) within {@code within} ({@code ZERO}: none). */
    public CampaignSettings withBudget(int most, Duration within) {
        return new CampaignSettings(strategy, seed, most, within, parallel, stopAtFirstFailure, recordSites,
                detectRaces, roundTimeout, minRounds);
    }

    public CampaignSettings withParallel(int atOnce) {
        return new CampaignSettings(strategy, seed, rounds, time, atOnce, stopAtFirstFailure, recordSites,
                detectRaces, roundTimeout, minRounds);
    }

    public CampaignSettings withStopAtFirstFailure(boolean stop) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stop, recordSites, detectRaces,
                roundTimeout, minRounds);
    }

    public CampaignSettings withSiteRecording(boolean record) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stopAtFirstFailure, record, detectRaces,
                roundTimeout, minRounds);
    }

    public CampaignSettings withRaceDetection(boolean detect) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stopAtFirstFailure, recordSites, detect,
                roundTimeout, minRounds);
    }

    /** A set round timeout; null to derive it from a first round without noise. */
    public CampaignSettings withRoundTimeout(Duration timeout) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stopAtFirstFailure, recordSites,
                detectRaces, timeout, minRounds);
    }

    public CampaignSettings withMinRounds(int min) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stopAtFirstFailure, recordSites,
                detectRaces, roundTimeout, min);
    }
}
