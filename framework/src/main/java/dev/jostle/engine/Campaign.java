package dev.jostle.engine;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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

        boolean measures = settings.measuresRoundTimeout();
        RoundTimeout set = measures ? null : RoundTimeout.fixed(settings.roundTimeout());
        Duration normal = null;
        int observationRounds = 0;
        if (measures || session.wantsObservation()) {
            RoundOutcome observed = runQuietly(task, session::openObservationRound,
                    measures ? RoundTimeout.observation() : set, crash);
            if (observed == null) {
                throw cannotRun(crash.get());
            }
            observationRounds = 1;
            normal = observed.elapsed();
            races.add(observed);
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
                if (index >= settings.minRounds() && System.nanoTime() >= deadline) {
                    return;
                }
                RoundOutcome outcome = runQuietly(task, root -> session.openRound(index, root), timeout, crash);
                if (outcome == null) {
                    return;
                }
                races.add(outcome);
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
