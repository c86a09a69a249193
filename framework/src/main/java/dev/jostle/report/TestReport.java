package dev.jostle.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * What one jostled test did, as written to {@code <fully.qualified.Class>.<method>.json}. Tools read these
 * field names: fields may be added, never renamed. A number that is not known is {@code null}.
 *
 * @param test                     {@code fully.qualified.Class#method}
 * @param verdict                  passed, failed, or not jostled (too few jostled rounds to count)
 * @param failed                   the test failed (its verdict is {@link Verdict#FAILED})
 * @param jostledRounds            rounds run under noise (replays of a failing seed included)
 * @param roundsWithoutNoise       rounds run without noise: the observation round of an aimed strategy and the
 *                                 {@code compareWithoutNoise} baseline
 * @param minRounds                the fewest jostled rounds that count as jostled, when there is such a bound
 * @param seed                     the base seed: round {@code i} ran under {@code seed + i}
 * @param strategy                 the configured noise strategy
 * @param elapsedMillis            wall-clock time of all rounds
 * @param normalDurationMillis     how long the test takes without noise, when measured
 * @param roundTimeoutMillis       how long one round may take before it counts as a hang
 * @param failure                  why the test failed, or {@code null}
 * @param races                    the data races found (empty when none, or when not looked for: see
 *                                 {@code racePolicy})
 * @param failedRounds             failing jostled rounds
 * @param failedRoundsWithoutNoise failing rounds without noise
 * @param racePolicy               {@code fail}, {@code warn} or {@code off} (races not looked for)
 * @param noiseEvents              noise injected over all jostled rounds
 * @param finishedAt               when the test finished (ISO-8601), to tell a stale file from a fresh one
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TestReport(String test, Verdict verdict, boolean failed, int jostledRounds, int roundsWithoutNoise,
        Integer minRounds, long seed, String strategy, long elapsedMillis, Long normalDurationMillis,
        Long roundTimeoutMillis, Failure failure, List<RaceReport> races, int failedRounds,
        int failedRoundsWithoutNoise, String racePolicy, long noiseEvents, String finishedAt) {

    public TestReport {
        races = races == null ? List.of() : List.copyOf(races);
    }

    /**
     * Why a jostled test failed.
     *
     * @param kind             {@code exception}, {@code thread-exception}, {@code deadlock}, {@code timeout},
     *                         {@code leftover-threads}, {@code exit}, or {@code races} (every round passed, and
     *                         {@code races = fail})
     * @param message          the original failure, one line where it can be
     * @param round            the failing round's number; {@code null} for the observation round and for races
     * @param seed             the failing round's own seed
     * @param strategy         the failing round's own strategy (under {@code mixed}, the one it picked)
     * @param replay           the system properties that replay the failing round
     * @param replayedExactly  whether a replay is known to reproduce the round exactly; {@code null}: not known
     * @param phase            {@code observation}, {@code jostled} or {@code without-noise}; {@code null} for races
     * @param thread           the thread that failed, when one did
     * @param replayAnnotation the same replay as {@code @Jostled} attributes
     * @param replays          how often the failing seed was replayed to check it
     * @param failedAgain      how many of those replays failed again
     * @param report           the whole message the test failed with
     * @param timeline         a failing controlled round's schedule, for the HTML report; {@code null} for a
     *                         round without one
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Failure(String kind, String message, Integer round, Long seed, String strategy, String replay,
            Boolean replayedExactly, String phase, String thread, String replayAnnotation, Integer replays,
            Integer failedAgain, String report, Timeline timeline) {
    }
}
