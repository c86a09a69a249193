package dev.jostle.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jostle.bridge.LincheckBridge;
import dev.jostle.bridge.LincheckMode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The canary guards every Lincheck mode on the JDK this build runs on. If a mode is blind here (as Lincheck
 * 3.7's general API is on JDK 25) this test fails and names the mode and the JDK: the build must not go
 * green on a JDK where the Lincheck suites cannot see races. The noisy mode's canary is in
 * {@link LincheckNoiseTests}, which runs in the JVM with the agent.
 */
class LincheckCanaryTests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LincheckMode.class, names = {"MODEL_CHECKING", "STRESS"})
    void knownRacyCanary_isCaught_inModesWithoutNoise(LincheckMode mode) {
        Optional<String> blind = LincheckBridge.canaryVerdict(mode);
        System.out.println("Lincheck canary, " + mode + " on Java " + System.getProperty("java.version") + ": "
                + blind.orElse("caught"));
        assertEquals(Optional.empty(), blind);
    }
}
