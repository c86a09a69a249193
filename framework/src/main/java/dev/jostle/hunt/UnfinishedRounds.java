package dev.jostle.hunt;

import dev.jostle.agent.runtime.Round;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundTimeout;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Counts the rounds (replays included) that the end of the hunt's time stopped before they ended or ran out of
 * their own timeout. The campaign drops them, as they prove nothing; the report still says they were there, so
 * that a hunt whose only round was stopped so does not read as a clean pass.
 */
final class UnfinishedRounds implements Campaign.RoundTask {

    private final Campaign.RoundTask task;
    private final AtomicInteger rounds;
    private final AtomicInteger loading;

    UnfinishedRounds(Campaign.RoundTask task) {
        this(task, new AtomicInteger(), new AtomicInteger());
    }

    private UnfinishedRounds(Campaign.RoundTask task, AtomicInteger rounds, AtomicInteger loading) {
        this.task = task;
        this.rounds = rounds;
        this.loading = loading;
    }

    /** Another task's rounds, counted with this one's. */
    Campaign.RoundTask through(Campaign.RoundTask other) {
        return new UnfinishedRounds(other, rounds, loading);
    }

    @Override
    public RoundOutcome run(Function<Thread, Round> opener, RoundTimeout timeout) throws Exception {
        RoundOutcome outcome = task.run(opener, timeout);
        if (Campaign.ranOutOfTheSearch(outcome, timeout)) {
            rounds.incrementAndGet();
            if (outcome.kind() == FailureKind.LOADING_TIMEOUT) {
                loading.incrementAndGet();
            }
        }
        return outcome;
    }

    /** The rounds stopped so far. */
    int count() {
        return rounds.get();
    }

    /**
     * "1 round unfinished at the end of the budget, still loading classes", "2 rounds unfinished at the end of
     * the budget (1 still loading classes)"; null when none was.
     */
    String describe() {
        int n = rounds.get();
        if (n == 0) {
            return null;
        }
        int stillLoading = loading.get();
        String text = n + (n == 1 ? " round" : " rounds") + " unfinished at the end of the budget";
        if (stillLoading == n) {
            text += n == 1 ? ", still loading classes" : ", all still loading classes";
        } else if (stillLoading > 0) {
            text += " (" + stillLoading + " still loading classes)";
        }
        return text + ": counted neither as passed nor as failed";
    }
}
