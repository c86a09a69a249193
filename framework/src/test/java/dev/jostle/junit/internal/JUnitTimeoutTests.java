package dev.jostle.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JUnitTimeoutTests {

    @Test
    void timeoutParameters_parse_readJUnitsGrammar() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), JUnitTimeout.parse("1500 ms"));
        assertEquals(Optional.of(Duration.ofSeconds(5)), JUnitTimeout.parse("5"), "seconds by default");
        assertEquals(Optional.of(Duration.ofMinutes(2)), JUnitTimeout.parse("2 M"), "units in either case");
        assertEquals(Optional.empty(), JUnitTimeout.parse("soon"), "JUnit reports a bad value itself");
    }
}
