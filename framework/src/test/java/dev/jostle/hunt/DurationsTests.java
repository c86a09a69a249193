package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

    @Test
    void eachUnit_parse_givesTheDuration() throws UsageException {
        assertEquals(Duration.ofMillis(500), Durations.parse("--time", "500ms"));
        assertEquals(Duration.ofSeconds(10), Durations.parse("--time", "10s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("--time", "2m"));
        assertEquals(Duration.ofHours(1), Durations.parse("--time", "1h"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "-1s", "ten", "1.5s", "10 s", "s", "", "0s", "10S", "5sec"})
    void malformedOrZero_parse_failsNamingOptionAndValue(String value) {
        UsageException bad = assertThrows(UsageException.class, () -> Durations.parse("--round-timeout", value));

        assertTrue(bad.getMessage().startsWith("--round-timeout '" + value + "'"), bad.getMessage());
    }

    @Test
    void anyDuration_formatThenParse_roundTrips() throws UsageException {
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(5), Duration.ofMinutes(3),
                Duration.ofHours(2), Duration.ofMillis(1)}) {
            assertEquals(d, Durations.parse("--time", Durations.format(d)));
        }
    }
}
