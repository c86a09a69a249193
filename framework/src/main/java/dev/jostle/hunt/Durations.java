package dev.jostle.hunt;

import dev.jostle.engine.Durations.BadDuration;
import java.time.Duration;

/** Durations on the command line: the engine's grammar ({@link dev.jostle.engine.Durations}), usage errors. */
final class Durations {

    /** The words hunt has always used for text that is no duration: a user's scripts may match them. */
    private static final String MALFORMED =
            "not a duration; use a whole number and a unit, such as 500ms, 10s, 2m or 1h";

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
            String problem = bad.malformed() ? MALFORMED : bad.getMessage();
            throw new UsageException(option + " " + quote(value) + ": " + problem);
        }
    }

    static String format(Duration duration) {
        return dev.jostle.engine.Durations.format(duration);
    }

    static String quote(String value) {
        return value == null ? "(missing)" : "'" + value + "'";
    }
}
