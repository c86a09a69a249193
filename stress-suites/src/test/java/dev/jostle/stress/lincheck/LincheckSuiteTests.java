package dev.jostle.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.bridge.LincheckBridge;
import dev.jostle.bridge.LincheckMode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken structure fails Lincheck's model checking with an interleaving trace; every fix passes model
 * checking and stress mode. Budgets come from {@code jostle.lincheck.budget}. Runs in a JVM without the
 * Jostle agent, so model checking neither sees the agent's hooks nor pays for them; the noisy runs are in
 * {@link LincheckNoiseTests}.
 */
class LincheckSuiteTests {

    static Stream<Class<?>> broken() {
        return LincheckFixtures.BROKEN.stream();
    }

    static Stream<Class<?>> fixed() {
        return LincheckFixtures.FIXED.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void broken_modelChecking_failsWithInterleavingTrace(Class<?> fixture) {
        Optional<AssertionError> failure = LincheckBridge.findFailure(fixture, LincheckMode.MODEL_CHECKING,
                dev.jostle.bridge.LincheckBudget.fromSystemProperties());
        assertTrue(failure.isPresent(), () -> fixture.getSimpleName() + " is broken but model checking passed it");
        String trace = failure.get().getMessage();
        System.out.println("Lincheck caught " + fixture.getSimpleName() + ":" + trace);
        // The trace names the thread switch that breaks it, not only the bad results.
        assertTrue(trace.contains("switch"), () -> "no interleaving in Lincheck's report: " + trace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void fixed_modelChecking_passes(Class<?> fixture) {
        LincheckBridge.check(fixture, LincheckMode.MODEL_CHECKING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void fixed_stress_passes(Class<?> fixture) {
        LincheckBridge.check(fixture, LincheckMode.STRESS);
    }
}
