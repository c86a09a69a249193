package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one grammar: hunt's forms (500ms, 10s, 2m, 1h) and @Jostled's (a bare number of seconds, ISO-8601). */
class DurationsTests {

    @Test
    void eachUnit_parse_givesTheDuration() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("1h"));
    }

    @Test
    void bareNumber_parse_countsSeconds() {
        assertEquals(Duration.ofSeconds(10), Durations.parse("10"));
    }

    @Test
    void spaceCaseAndPadding_parse_areAllowed() {
        assertEquals(Duration.ofSeconds(10), Durations.parse("10 s"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("10S"));
        assertEquals(Duration.ofMillis(250), Durations.parse(" 250MS "));
    }

    @Test
    void isoForm_parse_givesTheDuration() {
        assertEquals(Duration.ofSeconds(2), Durations.parse("PT2S"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("PT1H30M"));
    }

    @Test
    void zero_parse_isAllowedButParsePositiveRefusesIt() {
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals(Duration.ZERO, Durations.parse("0s"));

        Durations.BadDuration zero = assertThrows(Durations.BadDuration.class, () -> Durations.parsePositive("0s"));
        assertEquals("must be positive", zero.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "-0", "PT-2S", "-PT2S"})
    void negative_parse_failsSayingSo(String value) {
        Durations.BadDuration bad = assertThrows(Durations.BadDuration.class, () -> Durations.parse(value));

        assertEquals("must not be negative", bad.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ten", "1.5s", "s", "", "5sec", "10 sec", "2d", "soon"})
    void malformed_parse_failsWithTheForms(String value) {
        Durations.BadDuration bad = assertThrows(Durations.BadDuration.class, () -> Durations.parse(value));

        assertEquals("must be a duration such as 500ms, 10s, 2m or 1h", bad.getMessage());
    }

    @Test
    void missing_parse_failsAsMalformed() {
        assertThrows(Durations.BadDuration.class, () -> Durations.parse(null));
    }

    /** The engine counts deadlines in nanoseconds: a longer duration would overflow there, mid-run. */
    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999s", "999999999h", "9223372036854775807h", "PT9999999999H"})
    void beyondNanoseconds_parse_failsAsTooLong(String value) {
        Durations.BadDuration bad = assertThrows(Durations.BadDuration.class, () -> Durations.parse(value));

        assertEquals("is too long: at most 106751 days", bad.getMessage());
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
