package dev.jostle.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jostle.bridge.LincheckBridge;
import dev.jostle.bridge.LincheckMode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lincheck's stress mode under Jostle's noise. Runs in the surefire execution that starts the JVM with the
 * Jostle agent ({@code *Noise*Tests}); the canary must be caught here too.
 */
class LincheckNoiseTests {

    static Stream<Class<?>> fixed() {
        return LincheckFixtures.FIXED.stream();
    }

    @Test
    void knownRacyCanary_isCaught_underNoise() {
        Optional<String> blind = LincheckBridge.canaryVerdict(LincheckMode.STRESS_WITH_NOISE);
        System.out.println("Lincheck canary, " + LincheckMode.STRESS_WITH_NOISE + " on Java "
                + System.getProperty("java.version") + ": " + blind.orElse("caught"));
        assertEquals(Optional.empty(), blind);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void fixed_stressWithNoise_passes(Class<?> fixture) {
        LincheckBridge.check(fixture, LincheckMode.STRESS_WITH_NOISE);
    }
}
