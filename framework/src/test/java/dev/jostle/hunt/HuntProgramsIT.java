package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.OverdraftPrintsVerdict;
import dev.jostle.programs.junitstyle.CounterChecks;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs hunted as they are, through {@code java -jar jostle.jar hunt}: one that prints its verdict instead
 * of throwing, and a JUnit 4 test class. The budgets are generous: a found bug ends its hunt at once.
 */
class HuntProgramsIT {

    @Test
    void programPrintingItsVerdict_huntWithFailOnOutput_findsTheBugAndQuotesTheLine(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("result.json");

        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "60s",
                "--round-timeout", "2s", "--replays", "0", "--json", json.toString(),
                "--fail-on-output", "error detected", OverdraftPrintsVerdict.class.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("failing output in thread \"main\": stdout line \"error detected: overdrawn,"
                + " balance = "), run.toString());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("output", result.get("kind").getAsString());
        assertTrue(result.get("matchedLine").getAsString().startsWith("error detected: overdrawn, balance = -"),
                result.toString());
        assertTrue(result.get("replay").getAsString().endsWith("--fail-on-output 'error detected' "
                + OverdraftPrintsVerdict.class.getName()), result.toString());
    }

    @Test
    void junit4TestClass_huntItsTests_findsTheRacyTestAndReplaysItAlone(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        String classPath = String.join(File.pathSeparator, JostleJar.testClasses(), jarOf(org.junit.Test.class),
                jarOf(org.hamcrest.Matcher.class));

        JostleJar.Result run = JostleJar.run("hunt", "-cp", classPath, "--time", "60s", "--round-timeout", "2s",
                "--json", json.toString(), CounterChecks.class.getName() + "#@Test");

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("test " + CounterChecks.class.getName() + "#twoThreadsCount\n"), run.toString());
        assertTrue(run.out.contains("java.lang.AssertionError: expected:<100> but was:<"), run.toString());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("twoThreadsCount", result.get("method").getAsString());
        String replay = result.get("replay").getAsString();
        assertTrue(replay.endsWith(" " + CounterChecks.class.getName() + "#twoThreadsCount"), replay);

        JostleJar.Result again = JostleJar.runLine(replay);

        // A seed fixes the noise, not the scheduling: the replay may pass, but it must run that test alone.
        assertTrue(again.status == 0 || again.status == 1, again.toString());
        assertTrue(again.out.startsWith("jostle hunt: " + CounterChecks.class.getName() + "#twoThreadsCount under"),
                again.toString());
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
