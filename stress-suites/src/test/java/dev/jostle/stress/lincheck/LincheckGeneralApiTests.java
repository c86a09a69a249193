package dev.jostle.stress.lincheck;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jostle.bridge.LincheckBlindSpotError;
import dev.jostle.bridge.LincheckBridge;
import dev.jostle.stress.lostupdate.AtomicCounter;
import dev.jostle.stress.lostupdate.Counter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lincheck 3.7's general API is blind on some JDKs (Temurin 25.0.3: no field access is traced, so every race
 * passes). The bridge must then refuse to run it rather than report a pass; where the canary is caught, a
 * correct block passes. Which of the two holds on this JDK is printed.
 */
class LincheckGeneralApiTests {

    @Test
    void generalApi_passesCorrectCode_onlyWhereItsCanaryIsCaught() {
        Optional<String> blind = LincheckBridge.generalApiCanaryVerdict();
        System.out.println("Lincheck general API canary on Java " + System.getProperty("java.version") + ": "
                + blind.orElse("caught"));
        Runnable correct = LincheckGeneralApiTests::twoAtomicIncrements;
        if (blind.isPresent()) {
            assertThrows(LincheckBlindSpotError.class, () -> LincheckBridge.runConcurrent(100, correct));
        } else {
            LincheckBridge.runConcurrent(100, correct);
        }
    }

    private static void twoAtomicIncrements() {
        Counter counter = new AtomicCounter();
        Thread first = new Thread(counter::increment);
        Thread second = new Thread(counter::increment);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (counter.get() != 2) {
            throw new AssertionError("lost update in an atomic counter: " + counter.get());
        }
    }
}
