package dev.jostle.junit.internal;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that had data races while {@code jostle.races=fail}, with the race report: a listener
 * cannot fail a test, an extension can. Registered through {@code META-INF/services}, so JUnit finds it only
 * with {@code junit.jupiter.extensions.autodetection.enabled=true}. As an after-each callback of an extension
 * registered for the whole engine it runs after the test's own {@code @AfterEach} methods, so races those
 * methods take part in count too.
 */
public final class EveryTestRaceCheck implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        TestRound round = OpenTestRounds.find(context.getUniqueId());
        if (round == null) {
            return;
        }
        String failure;
        try {
            failure = round.failureIfRaces();
        } catch (RuntimeException | LinkageError bug) {
            // Jostle's own trouble must not fail the user's test.
            System.err.println("jostle: could not check " + round.test + " for races: " + bug);
            return;
        }
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }
}
