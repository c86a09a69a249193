package dev.jostle.engine;

import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.List;

/**
 * What a campaign found.
 *
 * @param settings           what it ran under
 * @param rounds             numbered rounds run, under the campaign's strategy (not counting an observation round)
 * @param failures           failing rounds among them
 * @param firstFailure       the first failing round to be seen, or null
 * @param elapsed            wall-clock time of the whole campaign
 * @param timeToFirstFailure from the start to the end of the first failing round, or null
 * @param races              data races found in any round, each pair of sites once (empty when not looked for)
 * @param observationRounds  rounds run first without noise, to aim the noise or to measure the test (0 or 1)
 * @param normalDuration     how long the observation round took, or null when none ran
 * @param roundTimeout       the limit the numbered rounds ran under (or would have, when the observation round
 *                           failed), and where it came from; a replay or a baseline uses the same
 */
public record CampaignResult(CampaignSettings settings, int rounds, int failures, RoundOutcome firstFailure,
        Duration elapsed, Duration timeToFirstFailure, List<Race> races, int observationRounds,
        Duration normalDuration, RoundTimeout roundTimeout) {

    /** A result without an observation round, whose rounds ran under the settings' own timeout. */
    public CampaignResult(CampaignSettings settings, int rounds, int failures, RoundOutcome firstFailure,
            Duration elapsed, Duration timeToFirstFailure, List<Race> races) {
        this(settings, rounds, failures, firstFailure, elapsed, timeToFirstFailure, races, 0, null,
                settings.measuresRoundTimeout() ? null : RoundTimeout.fixed(settings.roundTimeout()));
    }

    public boolean found() {
        return firstFailure != null;
    }

    /** Rounds per second, over the whole campaign. */
    public double roundsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rounds / seconds;
    }

    /** Rounds run under noise: the numbered rounds, unless the strategy is {@code none}. */
    public int jostledRounds() {
        return settings.strategy() == Strategy.NONE ? 0 : rounds;
    }

    /**
     * Rounds run without noise: the observation round, and the numbered rounds of a campaign under strategy
     * {@code none} (the "without jostling" baseline). A report adds a baseline campaign's count to its own:
     * "500 jostled rounds + 501 without noise".
     */
    public int roundsWithoutNoise() {
        return observationRounds + (settings.strategy() == Strategy.NONE ? rounds : 0);
    }

    /**
     * Whether at least {@link CampaignSettings#minRounds()} numbered rounds ran. A campaign that stopped at a
     * failure may not have: it found something anyway. One that passed without reaching it looked too little
     * to vouch for the code.
     */
    public boolean minimumReached() {
        return rounds >= settings.minRounds();
    }
}
