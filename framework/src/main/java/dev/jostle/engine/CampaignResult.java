package dev.jostle.engine;

import dev.jostle.agent.race.Race;
import java.time.Duration;
import java.util.List;

/**
 * What a campaign found.
 *
 * @param settings           what it ran under
 * @param rounds             rounds run (not counting an observation round)
 * @param failures           failing rounds among them
 * @param firstFailure       the first failing round to be seen, or null
 * @param elapsed            wall-clock time of the whole campaign
 * @param timeToFirstFailure from the start to the end of the first failing round, or null
 * @param races              data races found in any round, each pair of sites once (empty when not looked for)
 */
public record CampaignResult(CampaignSettings settings, int rounds, int failures, RoundOutcome firstFailure,
        Duration elapsed, Duration timeToFirstFailure, List<Race> races) {

    public boolean found() {
        return firstFailure != null;
    }

    /** Rounds per second, over the whole campaign. */
    public double roundsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rounds / seconds;
    }
}
