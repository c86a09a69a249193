package dev.jostle.hunt;

import dev.jostle.agent.bootstrap.RoundExit;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.Deadline;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.LoadingTime;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundRunner;
import dev.jostle.engine.RoundTimeout;
import dev.jostle.engine.SeedReplays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs a checked program's main (or the method its {@link ProgramMain} names) round after round, each round in
 * a fresh class loader and thread group.
 */
final class Hunt {

    private final HuntOptions options;
    private final Launch launch;
    private final Program program;
    private final RoundOutput output;
    private final ProgramExits exits;
    /** By round seed: a replay of a failing round keeps the first run's output. */
    private final Map<Long, String> failedOutput = new ConcurrentHashMap<>();
    private final LoaderSweep sweep = new LoaderSweep();
    /** Rounds in which the program asked to exit: a fork is recycled after one. */
    private final AtomicInteger roundsExited = new AtomicInteger();

    Hunt(HuntOptions options, Launch launch, Program program, RoundOutput output, ProgramExits exits) {
        this.options = options;
        this.launch = launch;
        this.program = program;
        this.output = output;
        this.exits = exits;
    }

    /**
     * Runs until the first failing round or the end of the budget. New rounds start within {@code --time};
     * everything after (the rounds in flight, replays) is over by {@code --time} plus one round timeout.
     */
    HuntResult run(Campaign.Listener listener) {
        // Rounds under strategy none record the sites, as the observation round does: then the replay line of a
        // failure there, a one-round hunt under none, runs exactly such a round (recording costs every access).
        boolean recordSites = options.strategy() == Strategy.NONE;
        CampaignSettings settings = CampaignSettings.of(options.strategy(), options.firstSeed(), options.rounds(),
                options.time()).withParallel(options.atOnce()).withSiteRecording(recordSites)
                .withRaceDetection(options.races()).withRoundTimeout(options.roundTimeout());
        Deadline stopBy = options.time().isZero() ? Deadline.NONE
                : Deadline.after(options.time().plus(options.roundTimeout()), System::nanoTime);
        SeedReplays.Result replays;
        UnfinishedRounds unfinished;
        if (options.forks() > 0) {
            try (Forks forks = Forks.of(options, launch, Forks.ownJar(), failedOutput)) {
                unfinished = new UnfinishedRounds(forks);
                // Each replay in a fresh fork, as its replay line runs it: a sibling fork that ran other rounds
                // may hold what hides the failure, or what brings it back.
                replays = SeedReplays.search(settings, unfinished, unfinished.through(forks.inFreshForks()),
                        listener, options.replays(), stopBy);
            }
        } else {
            unfinished = new UnfinishedRounds(this::runRound);
            replays = SeedReplays.search(settings, unfinished, listener, options.replays(), stopBy);
        }
        CampaignResult result = replays.campaign();
        Long seed = result.found() ? result.firstFailure().report().seed() : null;
        String programOutput = seed == null ? null : failedOutput.get(seed);
        return new HuntResult(options, launch, result, programOutput, replays,
                seed == null ? null : program.methodFor(seed), null, unfinished);
    }

    RoundOutcome runRound(Function<Thread, Round> opener, RoundTimeout timeout) {
        return sweep.round(() -> runRoundInFreshLoader(opener, timeout));
    }

    /** The output of the failing round under this seed, or null. */
    String failedOutput(long seed) {
        return failedOutput.get(seed);
    }

    /** How many rounds so far saw the program ask to exit. */
    int roundsExited() {
        return roundsExited.get();
    }

    private RoundOutcome runRoundInFreshLoader(Function<Thread, Round> opener, RoundTimeout timeout) {
        LoadingTime loadingTime = new LoadingTime();
        ClassLoader loader = program.newLoader(loadingTime);
        AtomicReference<RoundOutput.Capture> capture = new AtomicReference<>();
        AtomicReference<ProgramExits.Slot> exitSlot = new AtomicReference<>();
        AtomicLong roundSeed = new AtomicLong();
        Function<Thread, Round> opening = root -> {
            Round round = opener.apply(root);
            roundSeed.set(round.seed());
            return round;
        };
        RoundRunner runner = RoundRunner.builder()
                .timeoutSetting("--round-timeout {}")
                .daemonThreads(false) // as the JVM runs main, and the program's threads inherit that
                // The body itself waits for the program's non-daemon threads, as the JVM does after main,
                // because an exit in any thread must end that wait at once.
                .awaitAllThreads(false)
                .contextClassLoader(loader)
                // As generous as the round that measures a test: loading a big library under instrumentation
                // and race detection can take seconds, and is no hang.
                .loadingTime(loadingTime, RoundTimeout.OBSERVATION_LIMIT)
                .name("jostle-hunt")
                .build();
        RoundOutcome outcome = runner.run(opening, () -> {
            // Named as in a plain JVM: stack traces and deadlock reports then read as the user knows them.
            Thread.currentThread().setName("main");
            if (output != null) {
                capture.set(output.attach());
            }
            ProgramExits.Slot slot = exits.attach();
            exitSlot.set(slot);
            runAsTheJvmWould(loader, roundSeed.get(), slot);
        }, timeout);
        ProgramExits.Slot slot = exitSlot.get();
        if (slot != null) {
            slot.detach();
            if (slot.exit() != null) {
                roundsExited.incrementAndGet();
            }
            outcome = withExit(outcome, slot);
        }
        RoundOutput.Capture kept = capture.get();
        String text = kept == null ? null : kept.detach();
        if (kept != null) {
            outcome = withOutput(outcome, kept.match());
        }
        if (!outcome.passed() && text != null) {
            failedOutput.putIfAbsent(outcome.report().seed(), text);
        }
        return outcome;
    }

    /** Runs main, then waits for the program's other non-daemon threads, unless it exits first. */
    private void runAsTheJvmWould(ClassLoader loader, long roundSeed, ProgramExits.Slot slot) throws Throwable {
        try {
            program.run(loader, roundSeed);
        } catch (RoundExit exit) {
            slot.exited(exit, Thread.currentThread().getName());
        } catch (Throwable failure) {
            if (slot.exit() == null) {
                throw failure;
            }
            // Another thread exited meanwhile (and interrupted main): the JVM would have ended there.
        }
        Thread.interrupted(); // an exit elsewhere may have interrupted main: not the program's business now
        while (slot.exit() == null) {
            Thread next = nextNonDaemon();
            if (next == null) {
                return;
            }
            try {
                next.join(50);
            } catch (InterruptedException exitElsewhere) {
                // loop: the slot says whether a thread exited
            }
        }
        // The program exited: the JVM would have stopped its other threads; the best a hunt can do is ask.
        for (Thread left : RoundGroup.others()) {
            left.interrupt();
        }
    }

    private static Thread nextNonDaemon() {
        for (Thread thread : RoundGroup.others()) {
            if (!thread.isDaemon()) {
                return thread;
            }
        }
        return null;
    }

    /**
     * A round that printed a line matching {@code --fail-on-output} fails, unless it failed otherwise: an
     * exception, a deadlock or a non-zero exit says more than the line, which is in the round's output anyway.
     */
    private RoundOutcome withOutput(RoundOutcome outcome, OutputLines.Match match) {
        if (match == null || !outcome.passed()) {
            return outcome;
        }
        return RoundOutcome.failed(FailureKind.OUTPUT, new FailingOutput(match, options.failOnOutput().pattern()),
                outcome.report(), outcome.elapsed()).inThread(match.thread());
    }

    /**
     * An exit is the round's outcome: status 0 means the program ended normally, another status is a
     * failure. A thread that died of an exception before the exit still fails the round.
     */
    private static RoundOutcome withExit(RoundOutcome outcome, ProgramExits.Slot slot) {
        RoundExit exit = slot.exit();
        String thread = slot.thread();
        if (exit == null && outcome.failure() instanceof RoundExit) {
            exit = (RoundExit) outcome.failure();
            thread = outcome.thread();
        }
        if (exit == null) {
            return outcome;
        }
        if (outcome.kind() == FailureKind.THREAD_EXCEPTION && !(outcome.failure() instanceof RoundExit)) {
            return outcome;
        }
        if (exit.status() == 0) {
            return RoundOutcome.passed(outcome.report(), outcome.elapsed());
        }
        return RoundOutcome.failed(FailureKind.EXIT, exit, outcome.report(), outcome.elapsed()).inThread(thread);
    }
}
