package dev.jostle.engine;

import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;

/**
 * How well a failing round's seed replays, found out before the user has to. A seed fixes the noise
 * decisions, not the operating system's scheduling: a failure that needed a lucky time slice as well as the
 * noise may not come back when its seed is replayed. So the seed is replayed here, one round at a time,
 * exactly as its replay line would run it (round 0 of a new campaign at the round's seed, under the round's
 * own strategy, with race detection as the round had it, under the round timeout the campaign used), and the
 * report says how often the failure came back. A failure of the observation round, run without noise, is
 * replayed the same way, as round 0 under strategy {@code none}: the agent's hooks alone may show a bug, and
 * just as well by luck.
 *
 * <p>A seed counts as replaying only when every replay failed again; at the first replay that passes, the
 * search goes on within what is left of the budget and keeps the failing round whose seed replays best: a
 * seed that reproduces its failure is the evidence a user can work with. "Most replays failed" would be too
 * weak a test: with 5 replays, stopping at the third failure, a seed that fails one run in two passes it half
 * the time, and one that fails one run in four a tenth of the time (figures: docs/performance.md, "Replaying a
 * seed").
 */
public final class SeedReplays {

    /**
     * Failing rounds to weigh at most: the first, and up to seven more while the best so far replays poorly.
     * Each costs at most {@code replays} rounds, and the budget bounds the search anyway. Fewer would be too
     * few: consecutive seeds can all miss the bug by themselves (under halt-one, a run of victims that stall
     * only before reads), so that every failure comes from a lucky time slice, and a seed that does not replay
     * would be reported with most of the budget unspent.
     */
    static final int MAX_CANDIDATES = 8;

    /**
     * A failing round and how its replays went.
     *
     * @param failure     the failing round
     * @param roundNumber its number in the whole search (later candidates count on from earlier campaigns);
     *                    -1 for the observation round
     * @param replays     replays run to the end (0 when the failure is not replayed, see {@link #replayable})
     * @param failedAgain how many of them failed
     * @param unrunnable  why a replay could not be run, which ended the replays; null when none failed so
     * @param schedules   for a controlled round, whether the replays that failed again took its decisions
     *                    exactly ({@code "decisions replayed exactly in 5 of 5"}, or where one diverged); null
     *                    for a noise round, whose replays have no decisions to compare
     */
    public record Check(RoundOutcome failure, int roundNumber, int replays, int failedAgain, String unrunnable,
            String schedules) {

        /** Every replay failed again (a check without replays counts as reliable: nothing to improve). */
        public boolean reliable() {
            return failedAgain == replays;
        }

        /** Replays stop at the first that passes, so the longer run of failures replays better. */
        boolean betterThan(Check other) {
            return (long) failedAgain * other.replays > (long) other.failedAgain * replays;
        }

        /** "failed again in 5 of 5 replays". */
        public String describe() {
            String counted = "failed again in " + failedAgain + " of " + replays + (replays == 1 ? " replay" : " replays");
            if (schedules != null) {
                counted += "; " + schedules;
            }
            if (unrunnable == null) {
                return counted;
            }
            return (replays == 0 ? "could not be replayed" : counted + ", then a replay could not be run") + " ("
                    + unrunnable + ")";
        }

        /** The round as a report names it: "round 7 (seed 1007)", or the observation round. */
        String name() {
            return roundNumber < 0 ? "the observation round (no noise, seed " + failure.report().seed() + ")"
                    : "round " + roundNumber + " (seed " + failure.report().seed() + ")";
        }
    }

    /**
     * What the search found, with the failing round to report.
     *
     * @param campaign the rounds run, the failing round to report as its first failure
     * @param chosen   the reported round's check; null when nothing failed or replays are off
     * @param first    the first failing round's check, when another one was chosen over it; else null
     * @param weighed  failing rounds whose seeds were replayed
     */
    public record Result(CampaignResult campaign, Check chosen, Check first, int weighed) {

        /**
         * For a report, under its replay line: how often the reported seed failed again, and why this round
         * was reported when it was not the first to fail; null when nothing was replayed. Lines after the
         * first start with {@code indent}.
         */
        public String evidence(String indent) {
            if (chosen == null) {
                return null;
            }
            String text = (chosen.roundNumber() < 0 ? "this round without noise " : "this seed ") + chosen.describe()
                    + " (run here, one at a time, as the replay line runs it)";
            if (first != null) {
                text += ";\n" + indent + "the first failing round, " + first.name() + ", " + first.describe()
                        + ", so the search went on and reports the round whose seed replays best of " + weighed
                        + " failing";
            } else if (!chosen.reliable()) {
                text += ";\n" + indent + "a failure that needs a lucky time slice"
                        + (chosen.roundNumber() < 0 ? "" : " as well as the noise") + ": replay it several times";
            }
            return text;
        }
    }

    private SeedReplays() {
    }

    /**
     * Runs the campaign; if a round fails, replays its seed up to {@code replays} times (stopping at the first
     * replay that passes) and, while the best seed so far has not failed every replay, hunts on for another
     * failing round.
     */
    public static Result search(CampaignSettings settings, Campaign.RoundTask task, Campaign.Listener listener,
            int replays) {
        return search(settings, task, listener, replays, Deadline.NONE);
    }

    /**
     * As {@link #search(CampaignSettings, Campaign.RoundTask, Campaign.Listener, int)}, over by {@code stopBy}:
     * rounds and replays alike start only while it allows and are cut short at it; a failure found too late
     * to replay is reported without replays.
     */
    public static Result search(CampaignSettings settings, Campaign.RoundTask task, Campaign.Listener listener,
            int replays, Deadline stopBy) {
        return search(settings, task, task, listener, replays, stopBy);
    }

    /**
     * As {@link #search(CampaignSettings, Campaign.RoundTask, Campaign.Listener, int, Deadline)}, with the
     * replays run by {@code replayTask}: one that runs a round as its replay line would, where that differs from
     * how the search runs its rounds (a fresh fork for each, where the search's rounds share forks).
     */
    public static Result search(CampaignSettings settings, Campaign.RoundTask task, Campaign.RoundTask replayTask,
            Campaign.Listener listener, int replays, Deadline stopBy) {
        long started = System.nanoTime();
        CampaignResult first = Campaign.run(settings, task, listener, stopBy);
        if (!first.found() || replays <= 0 || !replayable(first.firstFailure())) {
            return new Result(first, null, null, 0);
        }
        // Replays and further rounds run under the limit the first campaign used (measured once, not again).
        Duration timeout = first.roundTimeout().limit();
        Check best = check(first.firstFailure(), first.firstFailure().round(), settings, replayTask, replays,
                timeout, stopBy);
        if (best == null) {
            return new Result(first, null, null, 0);
        }
        Check firstCheck = best;
        CampaignResult total = first;
        int weighed = 1;
        while (!best.reliable() && weighed < MAX_CANDIDATES) {
            // Replays take time too: the search goes on only within the wall-clock budget they leave.
            CampaignSettings rest = remaining(settings, total, Duration.ofNanos(System.nanoTime() - started), timeout);
            if (rest == null) {
                break;
            }
            int offset = total.rounds();
            Duration before = total.elapsed();
            CampaignResult more;
            try {
                // Progress counts on from the rounds already run, as one search.
                more = Campaign.run(rest, task,
                        (outcome, done, elapsed) -> listener.roundDone(outcome, offset + done, before.plus(elapsed)),
                        stopBy);
            } catch (RuntimeException cannotRun) {
                break; // the failure found stands (see Campaign.run); only the search for a better one ends
            }
            total = merge(total, more, null);
            // The observation round failing again is no new seed to weigh: it runs without noise every time.
            if (!more.found() || !replayable(more.firstFailure()) || more.firstFailure().round() < 0) {
                break;
            }
            Check next = check(more.firstFailure(), offset + more.firstFailure().round(), settings, replayTask,
                    replays, timeout, stopBy);
            if (next == null) {
                break; // found with no time left to replay it: the seed already judged is the better evidence
            }
            weighed++;
            if (next.betterThan(best)) {
                best = next;
            }
        }
        CampaignResult reported = best == firstCheck ? total : merge(total, null, best.failure());
        return new Result(reported, best, best == firstCheck ? null : firstCheck, weighed);
    }

    /**
     * A hang costs a whole round timeout each time it is replayed: it is not. A failure of the observation
     * round is, as a round without noise (see {@link #check}): it may have needed a lucky time slice as much as
     * any other.
     */
    static boolean replayable(RoundOutcome failure) {
        return !failure.kind().outOfTime();
    }

    /** The failure's replays; null when the deadline left no time for one. */
    static Check check(RoundOutcome failure, int roundNumber, CampaignSettings settings, Campaign.RoundTask task,
            int replays, Duration timeout, Deadline stopBy) {
        RoundReport round = failure.report();
        // Detection as the round had it: the replay line keeps it, and detection slows every shared access,
        // which changes how often a failure comes back without the noise's help. The observation round is
        // replayed as round 0 under strategy none at its seed, recording the sites as it did (recording, too,
        // costs every access something).
        boolean observation = round.index() < 0;
        CampaignSettings replay = CampaignSettings.of(observation ? Strategy.NONE : round.strategy(), round.seed(), 1,
                Duration.ZERO).withSiteRecording(observation || settings.recordSites())
                .withRaceDetection(settings.detectRaces()).withRoundTimeout(timeout);
        int ran = 0;
        int failedAgain = 0;
        String unrunnable = null;
        ScheduleChecks schedules = new ScheduleChecks(round.schedule());
        while (ran < replays) {
            CampaignResult replayed;
            try {
                replayed = Campaign.run(replay, task, Campaign.Listener.NONE, stopBy);
            } catch (RuntimeException cannotRun) {
                // What the failing round left behind (no file descriptors, say) may break a replay: the failure
                // is reported all the same, with the replays that ran.
                Throwable cause = cannotRun.getCause() == null ? cannotRun : cannotRun.getCause();
                unrunnable = cause.toString();
                break;
            }
            if (!replayed.found() && replayed.rounds() == 0) {
                break; // the search's time ran out before this replay could
            }
            ran++;
            if (!replayed.found()) {
                break;
            }
            failedAgain++;
            schedules.replayed(replayed.firstFailure().report().schedule());
        }
        return ran == 0 && unrunnable == null ? null
                : new Check(failure, roundNumber, ran, failedAgain, unrunnable, schedules.describe());
    }

    /**
     * The budget left after {@code spent} rounds and {@code took} of wall-clock time (rounds and replays),
     * continuing with fresh seeds; null when nothing is left.
     */
    private static CampaignSettings remaining(CampaignSettings settings, CampaignResult spent, Duration took,
            Duration timeout) {
        int rounds = 0;
        if (settings.rounds() > 0) {
            rounds = settings.rounds() - spent.rounds();
            if (rounds <= 0) {
                return null;
            }
        }
        Duration time = Duration.ZERO;
        if (!settings.time().isZero()) {
            time = settings.time().minus(took);
            if (time.isNegative() || time.isZero()) {
                return null;
            }
        }
        return settings.withSeed(settings.seed() + spent.rounds()).withBudget(rounds, time).withStopAtFirstFailure(true)
                .withRoundTimeout(timeout).withMinRounds(0);
    }

    /** Two campaigns as one; the failure to report is {@code reported} if given, else the earlier campaign's. */
    private static CampaignResult merge(CampaignResult earlier, CampaignResult later, RoundOutcome reported) {
        if (later == null) {
            return new CampaignResult(earlier.settings(), earlier.rounds(), earlier.failures(), reported,
                    earlier.elapsed(), earlier.timeToFirstFailure(), earlier.races(), earlier.observationRounds(),
                    earlier.normalDuration(), earlier.roundTimeout());
        }
        RacesSeen races = new RacesSeen();
        races.addAll(earlier.races());
        races.addAll(later.races());
        return new CampaignResult(earlier.settings(), earlier.rounds() + later.rounds(),
                earlier.failures() + later.failures(), earlier.firstFailure(), earlier.elapsed().plus(later.elapsed()),
                earlier.timeToFirstFailure(), races.list(), earlier.observationRounds() + later.observationRounds(),
                earlier.normalDuration(), earlier.roundTimeout());
    }
}
