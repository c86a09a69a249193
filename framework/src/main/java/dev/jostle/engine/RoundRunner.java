package dev.jostle.engine;

import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one round: the body in a fresh thread of a fresh thread group, bound to the round, watched until it
 * ends or the timeout passes. Whatever happens the call returns by the timeout (plus a short grace): a
 * deadlocked or hung round's threads are interrupted and given {@link #GRACE} to end; those still running
 * then are named, with their stacks, in the round's failure, and the agent ignores them from then on.
 */
public final class RoundRunner {

    private static final long MAX_POLL_MILLIS = 100;

    /** Why a round blocked by another thread's lock may not be the test's hang, and what to do. */
    static final String SHARED_LOCK_ADVICE = "Rounds that run at once share the JVM, and so its static state:"
            + " if that thread is another round's, the test may pass when its rounds run one at a time"
            + " (parallel = 1).";

    /**
     * How long the threads of a failed round get to end after they are interrupted. Threads that honour an
     * interrupt end within milliseconds; the ones still running after a second ignore it (they swallow it,
     * or block where an interrupt does not reach, as in a monitor deadlock) and will not end by waiting.
     */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Duration timeout;
    private final boolean daemonThreads;
    private final boolean awaitAllThreads;
    private final boolean failOnLeftoverThreads;
    private final ClassLoader contextLoader;
    private final String name;
    private final String timeoutSetting;
    /** Time not counted against the round's limit; null when all of it counts. */
    private final LoadingTime loadingTime;
    private final Duration loadingAtMost;

    private RoundRunner(Builder builder) {
        this.loadingTime = builder.loadingTime;
        this.loadingAtMost = builder.loadingAtMost;
        this.timeout = builder.timeout;
        this.daemonThreads = builder.daemonThreads;
        this.awaitAllThreads = builder.awaitAllThreads;
        this.failOnLeftoverThreads = builder.failOnLeftoverThreads;
        this.contextLoader = builder.contextLoader;
        this.name = builder.name;
        this.timeoutSetting = builder.timeoutSetting;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs a round under the builder's timeout.
     *
     * @param opener opens the round for the root thread it is given (for example
     *               {@code root -> session.openRound(i, root)})
     */
    public RoundOutcome run(Function<Thread, Round> opener, RoundBody body) {
        return run(opener, body, RoundTimeout.fixed(timeout));
    }

    /** Runs a round under the given timeout (a campaign's, see {@link Campaign.RoundTask}). */
    public RoundOutcome run(Function<Thread, Round> opener, RoundBody body, RoundTimeout limit) {
        long start = System.nanoTime();
        RoundThreads group = new RoundThreads(name);
        Throwable[] bodyFailure = new Throwable[1];
        Round[] round = new Round[1];
        Thread root = new Thread(group, () -> {
            try (Round.Binding binding = round[0].bind()) {
                body.run();
            } catch (Throwable failure) {
                bodyFailure[0] = failure;
                round[0].endControl();
            }
        }, name);
        root.setDaemon(daemonThreads);
        if (contextLoader != null) {
            root.setContextClassLoader(contextLoader);
        }
        round[0] = opener.apply(root);
        group.onFirstUncaught(round[0]::endControl);
        root.setName(name + "-" + round[0].index());
        RoundReport report;
        FailureKind kind = null;
        Throwable failure = null;
        String thread = null;
        String details = null;
        boolean unfinished = false;
        try {
            root.start();
            long deadline = start + limit.limit().toNanos();
            String deadlock = null;
            if (round[0].strategy().isControlled()) {
                // Each decision hands the baton between threads, microseconds where a free step takes
                // nanoseconds: a test busy enough would outlast a timeout that measures the program, for a
                // reason of Jostle's. Half the limit under control; then the schedule is cut, as the timeout
                // cuts it, and the round runs on free (a hang still hangs, and is reported at the limit).
                deadlock = await(root, group, start + limit.limit().toNanos() / 2);
                if (deadlock == null && root.isAlive()) {
                    round[0].cutSchedule();
                }
            }
            if (deadlock == null) {
                deadlock = await(root, group, deadline);
            }
            // Time spent loading classes is not the program's: the round gets it back, up to a bound (never
            // past a cut limit: the search's time is up then), so every round stays bounded.
            long extended;
            while (deadlock == null && root.isAlive() && (extended = start + limit.limit().toNanos()
                    + uncounted(limit)) > deadline) {
                deadline = extended;
                deadlock = await(root, group, deadline);
            }
            List<Thread> stillRunning = group.alive(null);
            if (awaitAllThreads && deadlock == null && !stillRunning.isEmpty()) {
                deadlock = awaitNonDaemon(group, deadline);
                stillRunning = group.alive(null);
            }
            if (deadlock != null) {
                kind = FailureKind.DEADLOCK;
                details = deadlock;
                failure = new AssertionError("deadlock: " + firstLine(deadlock.substring(deadlock.indexOf('\n') + 1)));
            } else if (group.firstUncaught() != null) {
                kind = FailureKind.THREAD_EXCEPTION;
                failure = group.firstUncaught();
                thread = group.firstUncaughtThread();
                if (bodyFailure[0] != null) {
                    failure.addSuppressed(bodyFailure[0]);
                }
            } else if (bodyFailure[0] != null) {
                kind = FailureKind.EXCEPTION;
                failure = bodyFailure[0];
                thread = root.getName();
            } else if ((root.isAlive() || (awaitAllThreads && anyNonDaemon(stillRunning)))
                    && loadingTime != null && loadingTime.loading()) {
                kind = FailureKind.LOADING_TIMEOUT;
                details = Deadlocks.stacks(stillRunning) + "\n\n" + howToChange(limit);
                failure = new AssertionError("round did not finish within " + format(limit.limit())
                        + " and a further " + format(Duration.ofNanos(uncounted(limit)).truncatedTo(
                                java.time.temporal.ChronoUnit.MILLIS))
                        + " spent loading classes, and was still loading classes; still running: "
                        + names(stillRunning));
            } else if (root.isAlive() || (awaitAllThreads && anyNonDaemon(stillRunning))) {
                kind = FailureKind.TIMEOUT;
                String outside = Deadlocks.blockedOutside(stillRunning);
                details = Deadlocks.stacks(stillRunning) + "\n\n" + (outside == null ? howToChange(limit)
                        : outside + "\n" + SHARED_LOCK_ADVICE);
                failure = new AssertionError("round did not finish within " + format(limit.limit())
                        + "; still running: " + names(stillRunning)
                        + (outside == null ? "" : "; blocked by a thread outside the round"));
            } else if (failOnLeftoverThreads && !(stillRunning = settle(group, deadline)).isEmpty()) {
                kind = FailureKind.LEFTOVER_THREADS;
                details = Deadlocks.stacks(stillRunning);
                failure = new AssertionError("the round returned while threads it started were still running: "
                        + names(stillRunning));
            }
            if (kind != null && kind.outOfTime()) {
                round[0].cutSchedule(); // before the interrupts below: what follows them depends on the clock
            }
            unfinished = kind != null && kind.outOfTime() && (limit.cut() || loadingDenied(limit));
            if (unfinished) {
                // The search's time is up, not the round's: nothing to wait for, nothing to report.
                stillRunning.forEach(Thread::interrupt);
                round[0].abandon();
            } else if (kind == FailureKind.DEADLOCK || (kind != null && kind.outOfTime())
                    || kind == FailureKind.LEFTOVER_THREADS) {
                // Java cannot stop a thread safely: ask, give them a moment, and name the ones that stay.
                stillRunning.forEach(Thread::interrupt);
                List<Thread> survivors = awaitEnd(stillRunning, System.nanoTime() + GRACE.toNanos());
                if (!survivors.isEmpty()) {
                    String stacks = Deadlocks.stacks(survivors);
                    round[0].abandon();
                    List<Thread> free = awaitHeld(survivors, round[0], System.nanoTime() + GRACE.toNanos());
                    details = (details == null ? "" : details + "\n\n") + survivorsReport(survivors, free, stacks);
                }
            }
        } finally {
            report = round[0].end();
        }
        return new RoundOutcome(kind, failure, thread, details, report, Duration.ofNanos(System.nanoTime() - start),
                unfinished);
    }

    /**
     * Loading time the round gets back on top of its limit: none for a cut limit, at most the set bound, and
     * never so much that the round and the grace its threads may need run past the limit's budget.
     */
    private long uncounted(RoundTimeout limit) {
        if (loadingTime == null || limit.cut()) {
            return 0;
        }
        return Math.min(loadingTime.nanos(), allowance(limit));
    }

    private long allowance(RoundTimeout limit) {
        long most = loadingAtMost.toNanos();
        if (limit.budget() == null) {
            return most;
        }
        long spare = limit.budget().minus(limit.limit()).minus(Deadline.AFTER_TIMEOUT).toNanos();
        return Math.max(0, Math.min(most, spare));
    }

    /** Whether the budget denied the round loading time it would otherwise have got back. */
    private boolean loadingDenied(RoundTimeout limit) {
        return loadingTime != null && Math.min(loadingTime.nanos(), loadingAtMost.toNanos()) > allowance(limit);
    }

    /** Waits for the root thread; returns a deadlock description if one forms first. */
    private static String await(Thread root, RoundThreads group, long deadline) {
        long poll = 1;
        while (root.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Deadlocks.find(group.alive(null));
            }
            try {
                root.join(Math.max(1, Math.min(poll, left / 1_000_000)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (root.isAlive() && poll >= 8) {
                String deadlock = Deadlocks.find(group.alive(null));
                if (deadlock != null) {
                    return deadlock;
                }
            }
            poll = Math.min(MAX_POLL_MILLIS, poll * 2);
        }
        return null;
    }

    /** Waits until the given threads end or the deadline passes; returns the ones still alive. */
    private static List<Thread> awaitEnd(List<Thread> threads, long deadline) {
        List<Thread> alive = new ArrayList<>(threads);
        while (!alive.isEmpty()) {
            alive.removeIf(thread -> !thread.isAlive());
            long left = deadline - System.nanoTime();
            if (alive.isEmpty() || left <= 0) {
                break;
            }
            try {
                alive.get(0).join(Math.max(1, Math.min(MAX_POLL_MILLIS, left / 1_000_000)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return alive;
    }

    /** Waits until each thread has ended or been stopped by {@link Round#abandon()}; returns the others. */
    private static List<Thread> awaitHeld(List<Thread> threads, Round round, long deadline) {
        List<Thread> free = new ArrayList<>(threads);
        while (true) {
            free.removeIf(thread -> !thread.isAlive() || round.held().contains(thread));
            if (free.isEmpty() || System.nanoTime() >= deadline) {
                return free;
            }
            sleep(10);
        }
    }

    /**
     * The threads that outlived the interrupt: which the agent stopped at their next instrumented event, and
     * which it could not (blocked for good, as in a monitor deadlock, or running code it does not instrument).
     */
    private static String survivorsReport(List<Thread> survivors, List<Thread> free, String stacks) {
        List<Thread> held = new ArrayList<>(survivors);
        held.removeAll(free);
        int n = survivors.size();
        StringBuilder text = new StringBuilder();
        text.append(n).append(n == 1 ? " thread" : " threads").append(" of the round still running ")
                .append(format(GRACE)).append(" after being interrupted: ").append(names(survivors)).append(".\n")
                .append("Java cannot stop a thread safely; instead each is stopped for good at its next instrumented")
                .append(" access (a shared field or array, a lock, wait, park, sleep or thread start), locks held.");
        if (!held.isEmpty()) {
            text.append("\nStopped there: ").append(names(held)).append('.');
        }
        if (!free.isEmpty()) {
            text.append("\nNot stopped (").append(free.size() == 1 ? "it has" : "they have")
                    .append(" not reached such an access: blocked, or running code the agent does not instrument;")
                    .append(" may run on into later tests): ").append(names(free)).append('.');
        }
        return text.append('\n').append(stacks).toString();
    }

    /** For a timeout report: where the limit came from and how the user changes it. */
    private String howToChange(RoundTimeout limit) {
        Duration more = Duration.ofSeconds((limit.limit().multipliedBy(3).toMillis() + 999) / 1000);
        String how = timeoutSetting == null ? "a longer round timeout" : timeoutSetting.replace("{}", format(more));
        return "A round running past its timeout counts as a hang. " + limit.explain()
                + " If the round is only slow, not hung, give it more time: " + how + ".";
    }

    /** Waits, like the JVM at exit, for the non-daemon threads of the round. */
    private static String awaitNonDaemon(RoundThreads group, long deadline) {
        long poll = 1;
        while (System.nanoTime() < deadline) {
            List<Thread> alive = group.alive(null);
            if (!anyNonDaemon(alive)) {
                return null;
            }
            if (poll >= 8) {
                String deadlock = Deadlocks.find(alive);
                if (deadlock != null) {
                    return deadlock;
                }
            }
            sleep(poll);
            poll = Math.min(MAX_POLL_MILLIS, poll * 2);
        }
        return Deadlocks.find(group.alive(null));
    }

    /** Gives threads that are just finishing a moment (up to 100 ms) before calling them left over. */
    private static List<Thread> settle(RoundThreads group, long deadline) {
        long until = Math.min(deadline, System.nanoTime() + 100_000_000L);
        List<Thread> alive = group.alive(null);
        while (!alive.isEmpty() && System.nanoTime() < until) {
            sleep(5);
            alive = group.alive(null);
        }
        return alive;
    }

    private static boolean anyNonDaemon(List<Thread> threads) {
        return threads.stream().anyMatch(t -> !t.isDaemon());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String names(List<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\"").collect(Collectors.joining(", "));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).trim();
    }

    static String format(Duration duration) {
        return Durations.format(duration);
    }

    /** Settings of a runner; the defaults fit a JUnit test. */
    public static final class Builder {
        private Duration timeout = Duration.ofSeconds(5);
        private boolean daemonThreads = true;
        private boolean awaitAllThreads;
        private boolean failOnLeftoverThreads;
        private ClassLoader contextLoader;
        private String name = "jostle-round";
        private String timeoutSetting;
        private LoadingTime loadingTime;
        private Duration loadingAtMost;

        /** A round running longer is a hang (or a deadlock, when one is found). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("round timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Whether the round's root thread is a daemon (its children inherit it). True for tests, so that a
         * deadlocked round's threads never keep the JVM alive; false for hunt, which runs a program as the
         * JVM would, and ends the JVM itself.
         */
        public Builder daemonThreads(boolean daemon) {
            this.daemonThreads = daemon;
            return this;
        }

        /** Whether the round lasts until every non-daemon thread ends, as a program's {@code main} does. */
        public Builder awaitAllThreads(boolean await) {
            this.awaitAllThreads = await;
            return this;
        }

        /** Whether threads still running when the body returns fail the round. */
        public Builder failOnLeftoverThreads(boolean fail) {
            this.failOnLeftoverThreads = fail;
            return this;
        }

        /**
         * The round's class loading time, which does not count against its limit, up to {@code atMost}; a round
         * that runs out while loading classes fails as {@link FailureKind#LOADING_TIMEOUT}, not as a hang.
         */
        public Builder loadingTime(LoadingTime time, Duration atMost) {
            this.loadingTime = time;
            this.loadingAtMost = atMost;
            return this;
        }

        public Builder contextClassLoader(ClassLoader loader) {
            this.contextLoader = loader;
            return this;
        }

        /** The name of the round's thread group and root thread (the round number is appended). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * How the front-end's user sets the round timeout, for the timeout report, with {@code {}} where a
         * suggested duration goes: {@code "--round-timeout {}"}, {@code "@Jostled(roundTimeout = \"{}\")"}.
         */
        public Builder timeoutSetting(String howToSet) {
            this.timeoutSetting = howToSet;
            return this;
        }

        public RoundRunner build() {
            Deadlocks.ready();
            return new RoundRunner(this);
        }
    }
}
