package dev.jostle.engine;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs rounds until a budget is spent (or the first failure, if asked), several at a time. Round numbers
 * are handed out in order, so round {@code i} always runs under seed {@code base + i}, whichever worker
 * runs it. The time budget stretches until the settings' minimum of rounds has run.
 *
 * <p>One observation round without noise runs first when the noise is aimed (targeted, mixed: it learns
 * where to aim) or when the round timeout is to be derived from the test's own duration (it is measured);
 * one round serves both, so no test pays for two. It runs under {@link RoundTimeout#observation()} when it
 * measures, else under the set timeout. A failure there, without any noise, ends the campaign.
 */
public final class Campaign {

    /** Runs one round that the given opener opens (typically through a {@link RoundRunner}). */
    @FunctionalInterface
    public interface RoundTask {
        /**
         * @param opener  opens the round for its root thread
         * @param timeout how long the round may run (a {@link RoundRunner} takes it as it is)
         */
        RoundOutcome run(Function<Thread, Round> opener, RoundTimeout timeout) throws Exception;
    }

    /** Hears about every finished round, from the worker that ran it. */
    @FunctionalInterface
    public interface Listener {
        void roundDone(RoundOutcome outcome, int roundsDone, Duration elapsed);

        Listener NONE = (outcome, done, elapsed) -> { };
    }

    private Campaign() {
    }

    public static CampaignResult run(CampaignSettings settings, RoundTask task, Listener listener) {
        return run(settings, task, listener, Deadline.NONE);
    }

    /**
     * Runs the campaign so that it is over by {@code stopBy}: no round starts after it, and a round that would
     * run past it gets a shorter limit. A round that runs out of such a cut limit ran out of the search's time,
     * not its own: it counts neither as a round run nor as a hang.
     */
    public static CampaignResult run(CampaignSettings settings, RoundTask task, Listener listener,
            Deadline stopBy) {
        Session session = JostleRuntime.newSession(settings.strategy(), settings.seed(), settings.recordSites())
                .detectRaces(settings.detectRaces());
        RacesSeen races = new RacesSeen();
        long start = System.nanoTime();
        long deadline = settings.time().isZero() ? Long.MAX_VALUE : start + settings.time().toNanos();
        AtomicInteger nextRound = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<RoundOutcome> first = new AtomicReference<>();
        AtomicReference<Duration> firstAt = new AtomicReference<>();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        // The longest round so far, observation included: under a deadline, a round starts only while that
        // much is left, so that none is begun that can only be cut short (and prove nothing).
        AtomicLong longest = new AtomicLong();

        boolean measures = settings.measuresRoundTimeout();
        RoundTimeout set = measures ? null : RoundTimeout.fixed(settings.roundTimeout());
        Duration normal = null;
        int observationRounds = 0;
        if (measures || session.wantsObservation()) {
            RoundTimeout limit = stopBy.limit(measures ? RoundTimeout.observation() : set);
            RoundOutcome observed = runQuietly(task, session::openObservationRound, limit, crash);
            if (observed == null) {
                throw cannotRun(crash.get());
            }
            observationRounds = 1;
            races.add(observed);
            longest.accumulateAndGet(observed.elapsed().toNanos(), Math::max);
            if (ranOutOfTheSearch(observed, limit)) {
                Duration at = Duration.ofNanos(System.nanoTime() - start);
                return new CampaignResult(settings, 0, 0, null, at, null, races.list(), observationRounds, null,
                        measures ? RoundTimeout.observation() : set);
            }
            normal = observed.elapsed();
            if (!observed.passed()) {
                // It failed without any noise: that is a finding too, and the strongest kind.
                Duration at = Duration.ofNanos(System.nanoTime() - start);
                listener.roundDone(observed, 0, at);
                return new CampaignResult(settings, 0, 1, observed, at, at, races.list(), observationRounds, normal,
                        measures ? RoundTimeout.measured(normal) : set);
            }
        }
        RoundTimeout timeout = measures ? RoundTimeout.measured(normal) : set;

        Runnable worker = () -> {
            while (crash.get() == null) {
                if (settings.stopAtFirstFailure() && first.get() != null) {
                    return;
                }
                int index = nextRound.getAndIncrement();
                if (settings.rounds() > 0 && index >= settings.rounds()) {
                    return;
                }
                // Time is a target, the minimum a floor: rounds below it run even when time is up.
                if (index >= settings.minRounds() && System.nanoTime() >= deadline
                        || !stopBy.allowsRound(Duration.ofNanos(longest.get()))) {
                    return;
                }
                RoundTimeout limit = stopBy.limit(timeout);
                RoundOutcome outcome = runQuietly(task, root -> session.openRound(index, root), limit, crash);
                if (outcome == null) {
                    return;
                }
                races.add(outcome);
                if (ranOutOfTheSearch(outcome, limit)) {
                    return;
                }
                longest.accumulateAndGet(outcome.elapsed().toNanos(), Math::max);
                int doneNow = done.incrementAndGet();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (!outcome.passed()) {
                    failures.incrementAndGet();
                    if (first.compareAndSet(null, outcome)) {
                        firstAt.set(elapsed);
                    }
                }
                listener.roundDone(outcome, doneNow, elapsed);
            }
        };
        runWorkers(worker, settings.parallel());
        // A failure found stands even when a later round could not be run: what broke the harness may be what
        // the failing round left behind (a program that used up the process's file descriptors, say).
        if (crash.get() != null && first.get() == null) {
            throw cannotRun(crash.get());
        }
        return new CampaignResult(settings, done.get(), failures.get(), first.get(),
                Duration.ofNanos(System.nanoTime() - start), firstAt.get(), races.list(), observationRounds, normal,
                timeout);
    }

    /**
     * A round that the search's deadline stopped, or that timed out under a limit it cut short: no evidence of
     * a hang.
     */
    public static boolean ranOutOfTheSearch(RoundOutcome outcome, RoundTimeout limit) {
        return outcome.unfinished() || limit.cut() && outcome.kind() != null && outcome.kind().outOfTime();
    }

    private static IllegalStateException cannotRun(Throwable crash) {
        return new IllegalStateException("jostle: a round could not be run: " + crash, crash);
    }

    private static RoundOutcome runQuietly(RoundTask task, Function<Thread, Round> opener, RoundTimeout timeout,
            AtomicReference<Throwable> crash) {
        try {
            return task.run(opener, timeout);
        } catch (Throwable failure) {
            // Not a finding: the harness itself could not run the round (a bad test class, say).
            crash.compareAndSet(null, failure);
            return null;
        }
    }

    private static void runWorkers(Runnable worker, int parallel) {
        if (parallel == 1) {
            worker.run();
            return;
        }
        List<Thread> workers = new ArrayList<>(parallel);
        for (int i = 0; i < parallel; i++) {
            Thread thread = new Thread(worker, "jostle-campaign-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
