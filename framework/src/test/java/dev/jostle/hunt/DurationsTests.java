package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The grammar itself is tested in dev.jostle.engine.DurationsTests; here, what the command line makes of it. */
class DurationsTests {

    @ParameterizedTest
    @ValueSource(strings = {"-1s", "ten", "1.5s", "s", "", "0s", "0", "5sec", "999999999h"})
    void malformedZeroOrTooLong_parse_failsNamingOptionAndValue(String value) {
        UsageException bad = assertThrows(UsageException.class, () -> Durations.parse("--round-timeout", value));

        assertTrue(bad.getMessage().startsWith("--round-timeout '" + value + "': "), bad.getMessage());
    }

    @Test
    void noDurationAtAll_parse_saysSoInHuntsWords() {
        UsageException bad = assertThrows(UsageException.class, () -> Durations.parse("--time", "soon"));

        assertEquals("--time 'soon': not a duration; use a whole number and a unit, such as 500ms, 10s, 2m or 1h",
                bad.getMessage());
    }

    @Test
    void negative_parse_saysSoAsJostledDoes() {
        UsageException bad = assertThrows(UsageException.class, () -> Durations.parse("--time", "-1s"));

        assertEquals("--time '-1s': must not be negative", bad.getMessage());
    }

    /** Forms @Jostled always read, which hunt reads too since both share one grammar. */
    @ParameterizedTest
    @ValueSource(strings = {"10", "10 s", "10S", "PT10S"})
    void jostledForms_parse_areTenSeconds(String value) throws UsageException {
        assertEquals(Duration.ofSeconds(10), Durations.parse("--time", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500ms", "10s", "2m", "1h"})
    void eachUnit_formatOfParse_isTheSameText(String value) throws UsageException {
        assertEquals(value, Durations.format(Durations.parse("--time", value)));
    }
}
