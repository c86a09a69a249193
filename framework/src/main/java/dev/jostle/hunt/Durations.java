package dev.jostle.hunt;

import dev.jostle.engine.Durations.BadDuration;
import java.time.Duration;

/** Durations on the command line: the engine's grammar ({@link dev.jostle.engine.Durations}), usage errors. */
final class Durations {

    private Durations() {
    }

    /**
     * Parses a positive duration.
     *
     * @param option the option it was given for, named in the error
     */
    static Duration parse(String option, String value) throws UsageException {
        try {
            return dev.jostle.engine.Durations.parsePositive(value);
        } catch (BadDuration bad) {
            throw new UsageException(option + " " + quote(value) + ": " + bad.getMessage());
        }
    }

    static String format(Duration duration) {
        return dev.jostle.engine.Durations.format(duration);
    }

    static String quote(String value) {
        return value == null ? "(missing)" : "'" + value + "'";
    }
}
