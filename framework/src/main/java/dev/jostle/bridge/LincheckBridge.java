package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.StressOptions;

/**
 * Runs Lincheck's declarative API ({@code @Operation} classes) with budgets that fit CI, in model checking,
 * in stress mode, and in stress mode under Jostle's noise. Before a mode's first check in a JVM, the mode
 * must catch {@link LincheckCanary}; if it does not, every check in that mode throws
 * {@link LincheckBlindSpotError} rather than pass.
 *
 * <p>Noise stays off inside model checking: Lincheck instruments Jostle's helper classes too, and its own
 * scheduler already decides every interleaving. Model checking refuses to start in a thread bound to an
 * open Jostle round.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LincheckBridge {

    private static final Map<LincheckMode, Optional<String>> CANARY = new EnumMap<>(LincheckMode.class);
    private static Optional<String> generalApiVerdict;

    private LincheckBridge() {
    }

    /** {@link #check(Class, LincheckMode, LincheckBudget)} with the budget from {@code jostle.lincheck.budget}. */
    public static void check(Class<?> testClass, LincheckMode mode) {
        check(testClass, mode, LincheckBudget.fromSystemProperties());
    }

    /**
     * Checks {@code testClass} and returns normally when Lincheck found nothing.
     *
     * @throws AssertionError Lincheck's {@code LincheckAssertionError}, with the failing scenario and (in model
     *     checking) the interleaving that leads to it
     * @throws LincheckBlindSpotError when this mode missed the canary on this JDK
     */
    public static void check(Class<?> testClass, LincheckMode mode, LincheckBudget budget) {
        Optional<AssertionError> failure = findFailure(testClass, mode, budget);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /**
     * Like {@link #check(Class, LincheckMode, LincheckBudget)} but returns Lincheck's failure instead of throwing
     * it, for code that counts findings (the blind-spot error is still thrown).
     */
    public static Optional<AssertionError> findFailure(Class<?> testClass, LincheckMode mode, LincheckBudget budget) {
        requireCanaryCaught(mode);
        return run(testClass, mode, budget, noiseSeed());
    }

    /**
     * Whether this mode catches the canary on this JDK, checked once per JVM and mode.
     *
     * @return empty when caught; otherwise why the mode is blind
     */
    public static synchronized Optional<String> canaryVerdict(LincheckMode mode) {
        return CANARY.computeIfAbsent(mode, m -> {
            Class<?> canary = LincheckCanary.forMode(m);
            Optional<AssertionError> caught = run(canary, m, LincheckBudget.QUICK.withoutMinimizing(), noiseSeed());
            if (caught.isPresent()) {
                return Optional.empty();
            }
            return Optional.of("Lincheck " + m + " did not catch the known-racy canary " + canary.getSimpleName()
                    + " on Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                    + "); it is blind here, so no pass in this mode is reported on this JDK");
        });
    }

    /**
     * Runs {@code block} under Lincheck's general API ({@code Lincheck.runConcurrentTest}), which explores
     * interleavings of arbitrary code and the threads it starts. Guarded by its own canary: on a JDK where
     * that API misses a plain lost update this throws {@link LincheckBlindSpotError} instead of running, so
     * nothing ever passes there. Where it misses it (docs/performance.md, "Canaries"), the method refuses.
     */
    public static void runConcurrent(int invocations, Runnable block) {
        Optional<String> blind = generalApiCanaryVerdict();
        if (blind.isPresent()) {
            throw new LincheckBlindSpotError(blind.get());
        }
        org.jetbrains.lincheck.Lincheck.runConcurrentTest(invocations, block);
    }

    /** Whether the general API catches a plain lost update on this JDK, checked once per JVM. */
    public static synchronized Optional<String> generalApiCanaryVerdict() {
        if (generalApiVerdict == null) {
            Optional<AssertionError> caught = attempt(
                    () -> org.jetbrains.lincheck.Lincheck.runConcurrentTest(1_000, LincheckCanary::lostUpdate));
            generalApiVerdict = caught.isPresent() ? Optional.empty()
                    : Optional.of("Lincheck's general API (runConcurrentTest) did not catch the known lost update on Java "
                            + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                            + "); it is blind here, so the bridge refuses to run it on this JDK");
        }
        return generalApiVerdict;
    }

    private static void requireCanaryCaught(LincheckMode mode) {
        Optional<String> blind = canaryVerdict(mode);
        if (blind.isPresent()) {
            throw new LincheckBlindSpotError(blind.get());
        }
    }

    static Optional<AssertionError> run(Class<?> testClass, LincheckMode mode, LincheckBudget budget, long seed) {
        switch (mode) {
            case MODEL_CHECKING:
                if (Probes.current() != null) {
                    throw new IllegalStateException("Lincheck model checking of " + testClass.getName()
                            + " was asked for inside a Jostle round; noise must stay off in model checking");
                }
                return attempt(() -> configure(new ModelCheckingOptions(), budget).check(testClass));
            case STRESS:
                return attempt(() -> configure(new StressOptions(), budget).check(testClass));
            case STRESS_WITH_NOISE:
                return underNoise(testClass, budget, seed);
            default:
                throw new IllegalArgumentException("unknown Lincheck mode " + mode);
        }
    }

    private static Optional<AssertionError> underNoise(Class<?> testClass, LincheckBudget budget, long seed) {
        if (!JostleRuntime.isInstalled()) {
            throw new IllegalStateException("Lincheck " + LincheckMode.STRESS_WITH_NOISE + " needs the Jostle agent "
                    + "in this JVM (add -javaagent:path/to/jostle-agent.jar); without it there is no noise");
        }
        Strategy strategy = Strategy.fromId(System.getProperty("jostle.strategy", Strategy.RANDOM.id()));
        Session session = JostleRuntime.newSession(strategy, seed, false);
        // Lincheck creates its test threads from this thread, so they inherit the round's binding.
        Round round = session.openRound(0, Thread.currentThread());
        Optional<AssertionError> failure;
        try (Round.Binding ignored = round.bind()) {
            failure = attempt(() -> configure(new StressOptions(), budget).check(testClass));
        } finally {
            RoundReport report = round.end();
            if (Boolean.getBoolean("jostle.lincheck.verbose")) {
                System.out.println("jostle: " + testClass.getSimpleName() + " under " + report.strategy() + " noise, seed "
                        + report.seed() + ": " + report.noiseEvents() + " noise events");
            }
        }
        return failure.map(f -> withSeed(f, seed, strategy));
    }

    private static AssertionError withSeed(AssertionError failure, long seed, Strategy strategy) {
        AssertionError annotated = new AssertionError("Lincheck stress mode under Jostle noise (strategy " + strategy
                + ", seed " + seed + "; -Djostle.seed=" + seed + " replays the noise, not the OS scheduler):"
                + failure.getMessage(), failure);
        annotated.setStackTrace(failure.getStackTrace());
        return annotated;
    }

    private static <O extends Options<O, ?>> O configure(O options, LincheckBudget budget) {
        return options.iterations(budget.iterations()).invocationsPerIteration(budget.invocationsPerIteration())
                .threads(budget.threads()).actorsPerThread(budget.actorsPerThread()).actorsBefore(1).actorsAfter(1)
                .minimizeFailedScenario(budget.minimizes());
    }

    private static Optional<AssertionError> attempt(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (AssertionError found) {
            if (found instanceof LincheckBlindSpotError) {
                throw found;
            }
            return Optional.of(found);
        }
    }

    private static long noiseSeed() {
        String seed = System.getProperty("jostle.seed");
        if (seed == null || seed.isBlank()) {
            return System.nanoTime();
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException("jostle.seed='" + seed + "' is not a whole number");
        }
    }
}
