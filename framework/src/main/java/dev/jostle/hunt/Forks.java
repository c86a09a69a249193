package dev.jostle.hunt;

import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundTimeout;
import java.io.File;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A hunt's rounds run in child JVMs ({@code --forks N}), for programs whose rounds collide in one process:
 * files written into the working directory, JVM-wide defaults. The campaign opens each round here as it would
 * in-process, which fixes its number, seed and session; the round itself runs in a {@link Fork}, which opens
 * the same round in a session of its own and answers with its outcome. A fork is replaced after
 * {@code --fork-rounds} rounds, and at once after a failed round, a program's exit or the fork's death:
 * its JVM's state is then suspect, and what one round left there must not fail the next.
 */
final class Forks implements Campaign.RoundTask, AutoCloseable {

    static final int DEFAULT_ROUNDS_PER_FORK = 1000;

    /** Beyond the round's own limit: the fork's grace for a hung round's threads, and the trip over the socket. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    /** A fork's place in the pool; empty until a round needs it, and again once its fork is retired. */
    private static final class Slot {
        Fork fork;
    }

    private final List<String> command;
    private final List<String> arguments;
    private final int roundsPerFork;
    private final Map<Long, String> failedOutput;
    private final LinkedBlockingQueue<Slot> idle = new LinkedBlockingQueue<>();
    private final List<Slot> slots = new ArrayList<>();
    /** Forks being retired: each ends in a thread of its own, so the next round need not wait for it. */
    private final List<Thread> retiring = new ArrayList<>();

    private Forks(List<String> command, List<String> arguments, int forks, int roundsPerFork,
            Map<Long, String> failedOutput) {
        this.command = command;
        this.arguments = arguments;
        this.roundsPerFork = roundsPerFork;
        this.failedOutput = failedOutput;
        for (int i = 0; i < forks; i++) {
            Slot slot = new Slot();
            slots.add(slot);
            idle.add(slot);
        }
    }

    /**
     * Forks for this hunt, started as rounds need them.
     *
     * @param failedOutput where a failing round's output goes, by its seed
     */
    static Forks of(HuntOptions options, Launch launch, Path jar, Map<Long, String> failedOutput) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "fork"));
        List<String> arguments = new ArrayList<>();
        arguments.add("--class-path");
        // Absolute: the fork runs in a directory of its own.
        List<String> classPath = new ArrayList<>();
        for (String entry : options.classPath()) {
            classPath.add(launch.workingDirectory().resolve(entry).toString());
        }
        arguments.add(String.join(File.pathSeparator, classPath));
        if (!options.assertions()) {
            arguments.add("--disable-assertions");
        }
        if (options.failOnOutput() != null) {
            arguments.add("--fail-on-output");
            arguments.add(options.failOnOutput().pattern());
        }
        arguments.add(options.main().toString());
        arguments.addAll(options.args());
        return new Forks(command, arguments, options.forks(), options.roundsPerFork(), failedOutput);
    }

    /** The jar this hunt runs from, which its forks run too; null when it runs from classes (not a jar). */
    static Path ownJar() {
        CodeSource source = Forks.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                Path path = Path.of(source.getLocation().toURI()).toAbsolutePath();
                if (path.toString().endsWith(".jar")) {
                    return path;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException unusual) {
            // not a jar on the local file system
        }
        return null;
    }

    @Override
    public RoundOutcome run(Function<Thread, Round> opener, RoundTimeout timeout) throws Exception {
        return run(opener, timeout, false);
    }

    /** These forks, each round in a fork that runs it alone, as a replay line's {@code --forks 1} does. */
    Campaign.RoundTask inFreshForks() {
        return (opener, timeout) -> run(opener, timeout, true);
    }

    private RoundOutcome run(Function<Thread, Round> opener, RoundTimeout timeout, boolean alone) throws Exception {
        long started = System.nanoTime();
        // Opened here only to learn which round of which session this is; it runs in the fork.
        Round opened = opener.apply(new Thread(() -> { }, "jostle-forked-round"));
        Session session = opened.session();
        RoundReport asOpened = opened.end();
        ForkWire.Request request = new ForkWire.Request(session.strategy(), session.baseSeed(), asOpened.index(),
                session.recordsSites(), session.detectsRaces(), timeout.limit(), timeout.cut(), timeout.budget());
        Slot slot = idle.take();
        try {
            if (alone && slot.fork != null && slot.fork.rounds() > 0) {
                retire(slot.fork);
                slot.fork = null;
            }
            if (slot.fork == null) {
                Duration startup = min(Fork.STARTUP_LIMIT, left(timeout, started));
                try {
                    slot.fork = Fork.start(command, arguments, startup);
                } catch (IOException cannotStart) {
                    if (left(timeout, started).isZero()) {
                        // A fork must start within the hunt's time, or not at all; one that failed otherwise
                        // (a bad JVM option, say) fails the same way in every round.
                        return unfinished(asOpened, "the hunt's time ran out before a fork started", started);
                    }
                    throw new IllegalStateException("could not start a fork: " + cannotStart.getMessage(),
                            cannotStart);
                }
            }
            Fork fork = slot.fork;
            Duration patience = min(patience(timeout), left(timeout, started));
            ForkWire.Reply reply;
            try {
                reply = fork.run(request, patience);
            } catch (ForkWire.CannotRun cannotRun) {
                slot.fork = null;
                retire(fork);
                throw new IllegalStateException("a fork could not run the round: " + cannotRun.getMessage(),
                        cannotRun);
            } catch (SocketTimeoutException silent) {
                slot.fork = null;
                String errors = fork.errors();
                retire(fork);
                if (timeout.cut() || patience.compareTo(patience(timeout)) < 0) {
                    return unfinished(asOpened, "the hunt's time ran out before the fork answered; it was killed"
                            + errors, started);
                }
                return lostRound(asOpened, FailureKind.TIMEOUT, "the fork did not answer within "
                        + Durations.format(patience) + " and was killed" + errors, started);
            } catch (IOException lost) {
                slot.fork = null;
                Integer status = fork.exitStatus();
                String errors = fork.errors();
                retire(fork);
                return died(asOpened, status, errors, started);
            }
            RoundOutcome outcome = reply.outcome();
            if (!outcome.passed() && reply.output() != null) {
                failedOutput.putIfAbsent(outcome.report().seed(), reply.output());
            }
            if (alone || !outcome.passed() || reply.exited() || fork.rounds() >= roundsPerFork) {
                slot.fork = null;
                retire(fork);
            }
            return outcome;
        } finally {
            idle.add(slot);
        }
    }

    /**
     * How long to wait for a fork's answer when the hunt's time allows: a fork's own round returns by its limit,
     * the class loading time it gets back, and a grace; twice that, since a fork may run its own observation round
     * first.
     */
    private static Duration patience(RoundTimeout timeout) {
        Duration loading = timeout.cut() ? Duration.ZERO : RoundTimeout.OBSERVATION_LIMIT;
        return timeout.limit().plus(loading).plus(MARGIN).multipliedBy(2);
    }

    /** What is left of the round's budget, the hunt's time, since it started; unbounded without a deadline. */
    private static Duration left(RoundTimeout timeout, long started) {
        if (timeout.budget() == null) {
            return ChronoUnit.FOREVER.getDuration();
        }
        Duration left = timeout.budget().minusNanos(System.nanoTime() - started);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A round the end of the hunt's time stopped in its fork: it proves nothing, and the campaign drops it. */
    private static RoundOutcome unfinished(RoundReport asOpened, String why, long started) {
        return RoundOutcome.failed(FailureKind.TIMEOUT, said(why), emptyReport(asOpened),
                Duration.ofNanos(System.nanoTime() - started)).unfinishedByTheDeadline();
    }

    /** A round whose fork's JVM ended: the program's doing (a crash, {@code Runtime.halt}, a kill). */
    private static RoundOutcome died(RoundReport asOpened, Integer status, String errors, long started) {
        if (status != null && status == 0) {
            return RoundOutcome.passed(emptyReport(asOpened), Duration.ofNanos(System.nanoTime() - started));
        }
        if (status == null) {
            return lostRound(asOpened, FailureKind.TIMEOUT, "the fork stopped answering and was killed" + errors,
                    started);
        }
        return lostRound(asOpened, FailureKind.EXIT, "the fork's JVM ended during the round with exit status "
                + status + " (a crash, or killed)" + errors, started);
    }

    private static RoundOutcome lostRound(RoundReport asOpened, FailureKind kind, String why, long started) {
        return RoundOutcome.failed(kind, said(why), emptyReport(asOpened), Duration.ofNanos(System.nanoTime() - started));
    }

    private static RoundReport emptyReport(RoundReport asOpened) {
        return new RoundReport(asOpened.index(), asOpened.seed(), asOpened.strategy(), asOpened.plan(), 0, Map.of(),
                List.of(), new BitSet(), List.of());
    }

    /** A failure told, not thrown: the hunt's own stack would say nothing about the program. */
    private static Throwable said(String text) {
        return new ForkedFailure(text, null);
    }

    private void retire(Fork fork) {
        Thread ending = new Thread(fork::close, "jostle-fork-retiring");
        ending.setDaemon(true);
        synchronized (retiring) {
            retiring.add(ending);
        }
        ending.start();
    }

    @Override
    public void close() {
        for (Slot slot : slots) {
            if (slot.fork != null) {
                retire(slot.fork);
                slot.fork = null;
            }
        }
        List<Thread> ending;
        synchronized (retiring) {
            ending = new ArrayList<>(retiring);
        }
        boolean interrupted = false;
        for (Thread thread : ending) {
            while (thread.isAlive()) {
                try {
                    thread.join(); // bounded: a fork that does not stop is killed within seconds (Fork.close)
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
