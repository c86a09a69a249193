package dev.jostle.hunt;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: a whole number and a unit, {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a strictly formed, positive duration.
     *
     * @param option the option it was given for, named in the error
     */
    static Duration parse(String option, String value) throws UsageException {
        Matcher match = DURATION.matcher(value == null ? "" : value.trim());
        if (!match.matches()) {
            throw new UsageException(option + " " + quote(value)
                    + ": not a duration; use a whole number and a unit, such as 500ms, 10s, 2m or 1h");
        }
        long amount = Long.parseLong(match.group(1));
        Duration duration;
        switch (match.group(2)) {
            case "ms":
                duration = Duration.ofMillis(amount);
                break;
            case "s":
                duration = Duration.ofSeconds(amount);
                break;
            case "m":
                duration = Duration.ofMinutes(amount);
                break;
            default:
                duration = Duration.ofHours(amount);
                break;
        }
        if (duration.isZero()) {
            throw new UsageException(option + " " + quote(value) + ": must be longer than zero");
        }
        return duration;
    }

    /** The shortest exact form, as {@link #parse} reads it back: 1500ms, 10s, 2m. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    static String quote(String value) {
        return value == null ? "(missing)" : "'" + value + "'";
    }
}
