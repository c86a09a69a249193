package dev.jostle.engine;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;

/**
 * The budget and noise of a campaign. A campaign ends at whichever budget is spent first.
 *
 * @param strategy           the noise strategy ({@code mixed} rotates per round)
 * @param seed               the base seed: round {@code i} runs under seed {@code seed + i}
 * @param rounds             the most rounds to run; 0 for no limit (then {@code time} must be set)
 * @param time               the most wall-clock time; {@link Duration#ZERO} for no limit
 * @param parallel           rounds run at once
 * @param stopAtFirstFailure stop at the first failing round (otherwise count failures over the budget)
 * @param recordSites        record per-site usage in every round
 * @param detectRaces        look for data races in every round (reported even when every round passes)
 */
public record CampaignSettings(Strategy strategy, long seed, int rounds, Duration time, int parallel,
        boolean stopAtFirstFailure, boolean recordSites, boolean detectRaces) {

    /** Settings without race detection. */
    public CampaignSettings(Strategy strategy, long seed, int rounds, Duration time, int parallel,
            boolean stopAtFirstFailure, boolean recordSites) {
        this(strategy, seed, rounds, time, parallel, stopAtFirstFailure, recordSites, false);
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
    }

    /** The same budget under another strategy (e.g. {@code none} for the "without jostling" baseline). */
    public CampaignSettings withStrategy(Strategy other) {
        return new CampaignSettings(other, seed, rounds, time, parallel, stopAtFirstFailure, recordSites, detectRaces);
    }

    public CampaignSettings withStopAtFirstFailure(boolean stop) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stop, recordSites, detectRaces);
    }

    public CampaignSettings withRaceDetection(boolean detect) {
        return new CampaignSettings(strategy, seed, rounds, time, parallel, stopAtFirstFailure, recordSites, detect);
    }
}
