package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import org.junit.jupiter.api.Test;

class SuiteOptionsTests {

    @Test
    void noArguments_parse_givesTheDefaultBudget() {
        SuiteOptions options = SuiteOptions.parse(new String[0], false);

        assertEquals(200, options.quietRounds());
        assertEquals(300, options.fixRounds());
        assertEquals(1, options.seed());
    }

    @Test
    void longOption_parse_givesThousandsOfRoundsPerFix() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--long"}, false);

        assertEquals(5000, options.fixRounds());
    }

    @Test
    void badNumber_parse_namesTheOptionAndTheValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(new String[] {"--fix-rounds", "many"}, false));

        assertTrue(error.getMessage().contains("--fix-rounds many"), error.getMessage());
    }

    @Test
    void unknownOption_parse_isRejectedWithTheUsage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(new String[] {"--fast"}, false));

        assertTrue(error.getMessage().startsWith("unknown option '--fast'"), error.getMessage());
        assertTrue(error.getMessage().contains("usage:"), error.getMessage());
    }

    @Test
    void strategyOption_parse_runsTheJostledRoundsUnderIt() {
        assertEquals(Strategy.MIXED, SuiteOptions.parse(new String[0], false).strategy());
        assertEquals(Strategy.CONTROLLED_PCT,
                SuiteOptions.parse(new String[] {"--strategy", "controlled-pct"}, false).strategy());
    }

    @Test
    void unknownStrategy_parse_namesTheKnownOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse(new String[] {"--strategy", "fast"}, false));

        assertTrue(error.getMessage().startsWith("--strategy unknown strategy 'fast'; known: "), error.getMessage());
    }

    @Test
    void onlyPattern_selects_matchesBugOrClassNameIgnoringCase() {
        SuiteOptions options = SuiteOptions.parse(new String[] {"--only", "lostupdate"}, false);

        assertEquals(4, Catalogue.variants().stream().filter(options::selects).count());
    }
}
