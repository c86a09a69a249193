package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Locale;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * How much work Lincheck does per check. Lincheck's defaults (100 scenarios of 10,000 invocations) take
 * tens of seconds for a two-method counter; the quick budget is the least that still catches every broken
 * sample, so that a check takes around a second.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LincheckBudget {

    /** For {@code mvn verify}: a few small scenarios. */
    public static final LincheckBudget QUICK = new LincheckBudget("quick", 5, 300, 2, 3);
    /** For {@code -Pstress}: many more scenarios and invocations, three threads. */
    public static final LincheckBudget LONG = new LincheckBudget("long", 50, 5_000, 3, 3);

    private final String name;
    private final int iterations;
    private final int invocationsPerIteration;
    private final int threads;
    private final int actorsPerThread;
    private final boolean minimizes;

    private LincheckBudget(String name, int iterations, int invocationsPerIteration, int threads,
            int actorsPerThread) {
        this(name, iterations, invocationsPerIteration, threads, actorsPerThread, true);
    }

    private LincheckBudget(String name, int iterations, int invocationsPerIteration, int threads,
            int actorsPerThread, boolean minimizes) {
        this.minimizes = minimizes;
        this.name = name;
        this.iterations = iterations;
        this.invocationsPerIteration = invocationsPerIteration;
        this.threads = threads;
        this.actorsPerThread = actorsPerThread;
    }

    /** A custom budget; every number must be at least 1 (threads at least 2). */
    public static LincheckBudget of(int iterations, int invocationsPerIteration, int threads, int actorsPerThread) {
        if (iterations < 1 || invocationsPerIteration < 1 || threads < 2 || actorsPerThread < 1) {
            throw new IllegalArgumentException("Lincheck budget iterations=" + iterations + ", invocations="
                    + invocationsPerIteration + ", threads=" + threads + ", actorsPerThread=" + actorsPerThread
                    + ": all must be at least 1, threads at least 2");
        }
        return new LincheckBudget("custom", iterations, invocationsPerIteration, threads, actorsPerThread);
    }

    /**
     * The budget named by the system property {@code jostle.lincheck.budget}: {@code quick} (the default)
     * or {@code long}.
     *
     * @throws IllegalArgumentException naming the property and the value when it is neither
     */
    public static LincheckBudget fromSystemProperties() {
        return named(System.getProperties());
    }

    static LincheckBudget named(Properties p) {
        String value = p.getProperty("jostle.lincheck.budget", "quick");
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "":
            case "quick":
                return QUICK;
            case "long":
                return LONG;
            default:
                throw new IllegalArgumentException("jostle.lincheck.budget='" + value + "': known budgets are quick, long");
        }
    }

    /**
     * The same budget without Lincheck's minimisation of a failing scenario: minimising re-runs the check many
     * times, which in stress mode costs minutes; worth it for a report a person reads, not for a canary.
     */
    public LincheckBudget withoutMinimizing() {
        return new LincheckBudget(name, iterations, invocationsPerIteration, threads, actorsPerThread, false);
    }

    public boolean minimizes() {
        return minimizes;
    }

    public int iterations() {
        return iterations;
    }

    public int invocationsPerIteration() {
        return invocationsPerIteration;
    }

    public int threads() {
        return threads;
    }

    public int actorsPerThread() {
        return actorsPerThread;
    }

    @Override
    public String toString() {
        return name + " (" + iterations + " scenarios x " + invocationsPerIteration + " invocations, " + threads
                + " threads x " + actorsPerThread + " operations)";
    }
}
