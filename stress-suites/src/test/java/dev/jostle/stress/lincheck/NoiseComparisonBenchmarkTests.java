package dev.jostle.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.bridge.LincheckBridge;
import dev.jostle.bridge.LincheckBudget;
import dev.jostle.bridge.LincheckMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Does Jostle's noise make Lincheck's stress mode find bugs that plain stress mode misses? Runs every broken
 * structure {@code jostle.benchmark.runs} (3) times in each stress mode with the same budget (no scenario minimisation) and
 * prints how often each found the bug and how long it took. Fixed structures run too: noise must never turn
 * a correct structure into a reported failure. A benchmark: only in {@code -Pstress}.
 */
@Tag("benchmark")
class NoiseComparisonBenchmarkTests {

    /** Runs per structure and mode; {@code -Djostle.benchmark.runs=N} to change. */
    private static final int RUNS = Integer.getInteger("jostle.benchmark.runs", 3);

    @Test
    void stressModes_onSamples_printDetectionTable_andNoFalseAlarms() {
        LincheckBudget budget = LincheckBudget.fromSystemProperties().withoutMinimizing();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-26s %-18s %8s %10s%n", "structure",
                "mode", "found", "mean s"));
        List<String> falseAlarms = new ArrayList<>();
        for (Class<?> fixture : concat(LincheckFixtures.BROKEN, LincheckFixtures.FIXED)) {
            for (LincheckMode mode : List.of(LincheckMode.STRESS, LincheckMode.STRESS_WITH_NOISE)) {
                int found = 0;
                long nanos = 0;
                for (int run = 0; run < RUNS; run++) {
                    long start = System.nanoTime();
                    Optional<AssertionError> failure = LincheckBridge.findFailure(fixture, mode, budget);
                    nanos += System.nanoTime() - start;
                    if (failure.isPresent()) {
                        found++;
                        if (LincheckFixtures.FIXED.contains(fixture)) {
                            falseAlarms.add(fixture.getSimpleName() + " in " + mode + ": " + failure.get().getMessage());
                        }
                    }
                }
                table.append(String.format(Locale.ROOT, "%-26s %-18s %5d/%-2d %10.1f%n", fixture.getSimpleName(), mode,
                        found, RUNS, nanos / 1e9 / RUNS));
            }
        }
        System.out.println("Lincheck stress mode with and without Jostle noise, budget " + budget + ", Java "
                + System.getProperty("java.version") + ":" + table);
        assertTrue(falseAlarms.isEmpty(), () -> "a correct structure was reported broken: " + falseAlarms);
    }

    private static List<Class<?>> concat(List<Class<?>> a, List<Class<?>> b) {
        List<Class<?>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
