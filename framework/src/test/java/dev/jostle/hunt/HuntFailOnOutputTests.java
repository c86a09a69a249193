package dev.jostle.hunt;

import static dev.jostle.hunt.HuntRun.hunt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.PrintsVerdict;
import dev.jostle.programs.fixtures.Throws;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hunt --fail-on-output REGEX}: programs that print their verdict instead of throwing it. */
class HuntFailOnOutputTests {

    @Test
    void failOnOutput_parse_compilesThePattern() throws Exception {
        HuntOptions options = HuntArguments.parse("--fail-on-output", "error (detected|found)", "Main");

        assertEquals("error (detected|found)", options.failOnOutput().pattern());
        assertNull(HuntArguments.parse("Main").failOnOutput(), "no pattern unless asked");
    }

    @Test
    void badPattern_parse_isAOneLineUsageError() {
        UsageException bad = assertThrows(UsageException.class,
                () -> HuntArguments.parse("--fail-on-output", "error (", "Main"));

        assertTrue(bad.getMessage().startsWith("--fail-on-output 'error (': not a regular expression: Unclosed group"),
                bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"), "one line: " + bad.getMessage());
    }

    @Test
    void emptyPattern_parse_isAUsageError() {
        UsageException bad = assertThrows(UsageException.class, () -> HuntArguments.parse("--fail-on-output=", "Main"));

        assertTrue(bad.getMessage().contains("would match every line"), bad.getMessage());
    }

    @Test
    void badPattern_run_exits2WithOneLine() {
        HuntRun run = hunt("--fail-on-output", "[", PrintsVerdict.class.getName());

        assertEquals(2, run.status(), run.toString());
        assertEquals(1, run.err().lines().count(), run.toString());
    }

    @Test
    void programPrintingItsVerdict_runWithoutTheOption_passes() {
        HuntRun run = hunt("--strategy", "none", "--rounds", "3", PrintsVerdict.class.getName());

        assertEquals(0, run.status(), run.toString());
    }

    @Test
    void programPrintingItsVerdict_runWithAMatchingPattern_failsQuotingTheLine(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");

        HuntRun run = hunt("--strategy", "random", "--seed", "5", "--parallel", "1", "--json", json.toString(),
                "--fail-on-output", "Bug found", PrintsVerdict.class.getName());

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("failing output in thread \"auditor\": stderr line \"Bug found: balance -20\""
                + " matches --fail-on-output 'Bug found'"), "the line, though printed without a line break: " + run);
        assertTrue(run.out().contains("  | checked 2 accounts"), "the round's output is shown: " + run);
        assertTrue(run.replayLine().endsWith("--fail-on-output 'Bug found' " + PrintsVerdict.class.getName()),
                run.replayLine());
        assertTrue(run.out().contains("this seed failed again in 5 of 5 replays"), "replays match too: " + run);
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("output", result.get("kind").getAsString());
        assertEquals("Bug found: balance -20", result.get("matchedLine").getAsString());
        assertEquals("Bug found", result.get("failOnOutput").getAsString());
        assertEquals("auditor", result.get("thread").getAsString());
        assertTrue(result.get("stack").isJsonNull(), "nothing was thrown: " + result);
    }

    @Test
    void programPrintingItsVerdict_runWithAPatternThatDoesNotMatch_passes() {
        HuntRun run = hunt("--strategy", "none", "--rounds", "3", "--fail-on-output", "^error",
                PrintsVerdict.class.getName());

        assertEquals(0, run.status(), run.toString());
    }

    @Test
    void patternMatchingAThrowingProgramsOutput_run_reportsTheExceptionFirst() {
        HuntRun run = hunt("--strategy", "none", "--rounds", "1", "--fail-on-output", "about to fail",
                Throws.class.getName());

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("exception in thread \"main\": java.lang.IllegalStateException: boom from main"),
                run.toString());
    }
}
