package dev.jostle.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of {@code hunt}'s options and {@code @Jostled}'s settings: a whole number and a unit
 * ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; in any case, a space allowed before the unit), a whole
 * number of seconds ({@code 10}), or ISO-8601 ({@code PT2S}).
 */
public final class Durations {

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** The longest duration the engine can count in nanoseconds, as its deadlines do. */
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * Text that is not a duration of the grammar, or not one the setting allows. The message is the problem
     * alone ("must not be negative"), for the caller to put after the setting it names.
     */
    public static final class BadDuration extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final boolean malformed;

        private BadDuration(String problem, boolean malformed) {
            super(problem);
            this.malformed = malformed;
        }

        static BadDuration notADuration() {
            return new BadDuration("must be a duration such as 500ms, 10s, 2m or 1h", true);
        }

        static BadDuration outOfRange(String problem) {
            return new BadDuration(problem, false);
        }

        /** Whether the text is no duration at all (rather than one out of range), for a front-end's own words. */
        public boolean malformed() {
            return malformed;
        }
    }

    /** A duration of zero or more: for a setting where zero means "no limit". */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim();
        boolean minus = value.startsWith("-");
        Duration parsed;
        try {
            // A minus sign before a duration is a negative one; before anything else (an option name a user
            // put where the value belongs, "--rounds") the text is no duration at all.
            parsed = amountAndUnit(minus ? value.substring(1) : value);
        } catch (NumberFormatException | ArithmeticException tooManyDigits) {
            throw minus ? BadDuration.outOfRange("must not be negative") : tooLong();
        }
        if (minus) {
            throw BadDuration.outOfRange("must not be negative");
        }
        if (parsed.isNegative()) {
            throw BadDuration.outOfRange("must not be negative");
        }
        if (parsed.compareTo(LONGEST) > 0) {
            throw tooLong();
        }
        return parsed;
    }

    /** A duration longer than zero. */
    public static Duration parsePositive(String text) {
        Duration parsed = parse(text);
        if (parsed.isZero()) {
            throw BadDuration.outOfRange("must be positive");
        }
        return parsed;
    }

    private static Duration amountAndUnit(String value) {
        Matcher match = AMOUNT_AND_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (!match.matches()) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException notIso) {
                throw BadDuration.notADuration();
            }
        }
        long amount = Long.parseLong(match.group(1));
        String unit = match.group(2) == null ? "s" : match.group(2);
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    private static BadDuration tooLong() {
        return BadDuration.outOfRange("is too long: at most " + LONGEST.toDays() + " days");
    }

    /** The shortest exact form, as {@link #parse} reads it back: 1500ms, 10s, 2m, 1h. */
    public static String format(Duration duration) {
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

    /** Seconds with two decimals, for a measured time: "0.25s". */
    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toNanos() / 1e9);
    }
}
