package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one grammar: hunt's forms (500ms, 10s, 2m, 1h) and @Jostled's (a bare number of seconds, ISO-8601). */
class DurationsTests {

    private static final String NEGATIVE = " | must not be negative";
    private static final String MALFORMED = " | must be a duration such as 500ms, 10s, 2m or 1h";
    private static final String TOO_LONG = " | is too long: at most 106751 days";

    /** hunt's forms (a unit), then those @Jostled read too: a bare number of seconds, space, case, ISO-8601. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"500ms | 500", "10s | 10000", "2m | 120000", "1h | 3600000",
        "10 | 10000", "10 s | 10000", "10S | 10000", "' 250MS ' | 250", "PT2S | 2000", "PT1H30M | 5400000"})
    void everyForm_parse_givesTheDuration(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), Durations.parse(text));
    }

    @Test
    void zero_parse_isAllowedButParsePositiveRefusesIt() {
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));

        Durations.BadDuration zero = assertThrows(Durations.BadDuration.class, () -> Durations.parsePositive("0s"));
        assertEquals("must be positive", zero.getMessage());
    }

    /** Too long: the engine counts deadlines in nanoseconds, where a longer duration would overflow mid-run. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-1s" + NEGATIVE, "-0" + NEGATIVE, "PT-2S" + NEGATIVE, "-PT2S" + NEGATIVE,
        "ten" + MALFORMED, "1.5s" + MALFORMED, "s" + MALFORMED, "''" + MALFORMED, "5sec" + MALFORMED,
        "2d" + MALFORMED, "10 sec" + MALFORMED, "--rounds" + MALFORMED, "-ten" + MALFORMED,
        "99999999999999999999s" + TOO_LONG, "999999999h" + TOO_LONG, "9223372036854775807h" + TOO_LONG,
        "PT9999999999H" + TOO_LONG})
    void badText_parse_failsSayingWhy(String value, String problem) {
        Durations.BadDuration bad = assertThrows(Durations.BadDuration.class, () -> Durations.parse(value));

        assertEquals(problem, bad.getMessage());
        assertEquals(problem.equals(MALFORMED.substring(3)), bad.malformed());
    }

    @Test
    void missing_parse_failsAsMalformed() {
        assertThrows(Durations.BadDuration.class, () -> Durations.parse(null));
    }

    @Test
    void anyDuration_formatThenParse_roundTrips() {
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(5), Duration.ofMinutes(3),
                Duration.ofHours(2), Duration.ofMillis(1), Duration.ofMinutes(90)}) {
            assertEquals(d, Durations.parse(Durations.format(d)));
        }
    }

    @Test
    void format_givesTheShortestExactForm() {
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("2m", Durations.format(Duration.ofMinutes(2)));
        assertEquals("1h", Durations.format(Duration.ofMinutes(60)));
    }

    @Test
    void seconds_givesTwoDecimals() {
        assertEquals("0.25s", Durations.seconds(Duration.ofMillis(250)));
        assertEquals("12.00s", Durations.seconds(Duration.ofSeconds(12)));
    }
}
