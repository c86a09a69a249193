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
 * runs it. A session whose noise is aimed (targeted, mixed) first runs one observation round without noise.
 */
public final class Campaign {

    /** Runs one round that the given opener opens (typically through a {@link RoundRunner}). */
    @FunctionalInterface
    public interface RoundTask {
        RoundOutcome run(Function<Thread, Round> opener) throws Exception;
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

        if (session.wantsObservation()) {
            RoundOutcome observed = runQuietly(task, session::openObservationRound, crash);
            races.add(observed);
            if (observed != null && !observed.passed()) {
                // It failed without any noise: that is a finding too, and the strongest kind.
                failures.incrementAndGet();
                first.set(observed);
                firstAt.set(Duration.ofNanos(System.nanoTime() - start));
                listener.roundDone(observed, 0, firstAt.get());
                return new CampaignResult(settings, 0, 1, observed, firstAt.get(), firstAt.get(), races.list());
            }
        }

        Runnable worker = () -> {
            while (crash.get() == null) {
                if (settings.stopAtFirstFailure() && first.get() != null) {
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    return;
                }
                int index = nextRound.getAndIncrement();
                if (settings.rounds() > 0 && index >= settings.rounds()) {
                    return;
                }
                RoundOutcome outcome = runQuietly(task, root -> session.openRound(index, root), crash);
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
        if (crash.get() != null) {
            throw new IllegalStateException("jostle: a round could not be run: " + crash.get(), crash.get());
        }
        return new CampaignResult(settings, done.get(), failures.get(), first.get(),
                Duration.ofNanos(System.nanoTime() - start), firstAt.get(), races.list());
    }

    private static RoundOutcome runQuietly(RoundTask task, Function<Thread, Round> opener,
            AtomicReference<Throwable> crash) {
        try {
            return task.run(opener);
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
