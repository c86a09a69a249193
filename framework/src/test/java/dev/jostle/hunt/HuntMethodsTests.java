package dev.jostle.hunt;

import static dev.jostle.hunt.HuntRun.hunt;
import static dev.jostle.hunt.HuntRun.huntWithJUnit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.Passes;
import dev.jostle.programs.junitstyle.ExpectedButQuiet;
import dev.jostle.programs.junitstyle.JUnit4Lifecycle;
import dev.jostle.programs.junitstyle.LifecycleRecord;
import dev.jostle.programs.junitstyle.MethodEntries;
import dev.jostle.programs.junitstyle.NoArgumentlessConstructor;
import dev.jostle.programs.junitstyle.OnlyBetaFails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hunts of {@code Class#method} and {@code Class#@Test}, run in this JVM. */
class HuntMethodsTests {

    @Test
    void staticMethod_hunt_callsItEachRound() {
        HuntRun run = hunt("--strategy", "none", "--rounds", "3", MethodEntries.class.getName() + "#staticCheck");

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("no failure in 3 rounds"), run.toString());
    }

    @Test
    void instanceMethod_hunt_callsItOnAFreshInstanceAndReportsItsOwnStack() {
        HuntRun run = hunt("--strategy", "random", "--seed", "3", "--parallel", "1",
                MethodEntries.class.getName() + "#instanceCheck");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("java.lang.IllegalStateException: instance check failed on an instance made by"
                + " the no-argument constructor"), run.toString());
        assertTrue(run.out().contains("at " + MethodEntries.class.getName() + ".instanceCheck(MethodEntries.java:"),
                run.toString());
        assertFalse(run.out().contains("at jdk.internal.reflect") || run.out().contains("at dev.jostle.hunt"),
                "only the program's frames: " + run);
        assertTrue(run.replayLine().endsWith("--seed 3 --rounds 1 --parallel 1 " + MethodEntries.class.getName()
                + "#instanceCheck"), run.replayLine());
    }

    @Test
    void missingMethod_hunt_exits2NamingIt() {
        assertUsageError("class " + MethodEntries.class.getName() + " has no method nothingHere",
                MethodEntries.class.getName() + "#nothingHere");
    }

    @Test
    void methodWithArguments_hunt_exits2NamingThem() {
        assertUsageError(MethodEntries.class.getName() + "#needsArgument needs arguments (int)",
                MethodEntries.class.getName() + "#needsArgument");
    }

    @Test
    void instanceMethodWithoutAConstructorToCall_hunt_exits2() {
        assertUsageError("has no constructor without arguments to make an instance to call check on",
                NoArgumentlessConstructor.class.getName() + "#check");
    }

    @Test
    void junitLeftOffTheClassPath_huntTests_exits2SayingWhatIsMissing() {
        HuntRun run = hunt("dev.jostle.programs.junitstyle.NeedsTestInfo#@Test");

        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains("NoClassDefFoundError: org/junit/jupiter/api/TestInfo (is every jar it needs,"
                + " JUnit's too, on the class path?)"), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
    }

    @Test
    void classWithoutTests_hunt_exits2() {
        assertUsageError("class " + Passes.class.getName() + " has no @Test methods", Passes.class.getName() + "#@Test");
    }

    @Test
    void testNeedingAnInjectedParameter_hunt_exits2() {
        assertUsageError("NeedsTestInfo#named needs arguments (TestInfo)",
                "dev.jostle.programs.junitstyle.NeedsTestInfo#@Test");
    }

    @Test
    void junit4Class_huntTests_runsEachTestInTurnWithItsLifecycle(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("lifecycle.txt");

        HuntRun run = withLifecycleRecord(record, () -> huntWithJUnit("--strategy", "none", "--seed", "0", "--rounds", "6",
                "--parallel", "1", JUnit4Lifecycle.class.getName() + "#@Test"));

        assertEquals(0, run.status(), run.toString());
        String each = "beforeClass,baseBefore,before,%s,after,baseAfter,afterClass";
        List<String> oneRound = List.of(each.formatted("first"), each.formatted("second"), each.formatted("third"));
        assertEquals(List.of(oneRound, oneRound).stream().flatMap(List::stream).toList(), Files.readAllLines(record),
                "seeds 0 to 5 take the tests in name order, twice; @Ignore skipped; 'third' throws what it expects");
    }

    @Test
    void junit5Class_huntTests_runsItsLifecycle(@TempDir Path dir) throws Exception {
        Path record = dir.resolve("lifecycle.txt");

        HuntRun run = withLifecycleRecord(record, () -> huntWithJUnit("--strategy", "none", "--rounds", "2",
                "--parallel", "1", "dev.jostle.programs.junitstyle.JUnit5Lifecycle#@Test"));

        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("beforeAll,beforeEach,only,afterEach,afterAll",
                "beforeAll,beforeEach,only,afterEach,afterAll"), Files.readAllLines(record), "@Disabled skipped");
    }

    @Test
    void oneFailingTestOfThree_huntTests_namesItAndReplaysIt(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");

        // Seed 6 runs alpha (6 mod 3 = 0), seed 7 runs beta: round 1 fails, and its replays must run beta again.
        HuntRun run = huntWithJUnit("--strategy", "random", "--seed", "6", "--parallel", "1", "--json", json.toString(),
                OnlyBetaFails.class.getName() + "#@Test");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("FAILED in round 1 (strategy random, seed 7)"), run.toString());
        assertTrue(run.out().contains("test " + OnlyBetaFails.class.getName() + "#beta\n"), run.toString());
        assertTrue(run.out().contains("java.lang.AssertionError: beta failed"), run.toString());
        assertTrue(run.out().contains("this seed failed again in 5 of 5 replays"), run.toString());
        assertTrue(run.replayLine().endsWith("--seed 7 --rounds 1 --parallel 1 " + OnlyBetaFails.class.getName()
                + "#beta"), "the failing test alone: " + run.replayLine());
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("beta", result.get("method").getAsString());
        assertEquals(OnlyBetaFails.class.getName() + "#@Test", result.get("mainClass").getAsString());
    }

    @Test
    void theFailingTestsReplayLine_hunt_failsTheSameWay() {
        HuntRun run = huntWithJUnit("--strategy", "random", "--seed", "7", "--rounds", "1", "--parallel", "1",
                OnlyBetaFails.class.getName() + "#beta");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("java.lang.AssertionError: beta failed"), run.toString());
    }

    @Test
    void expectedExceptionNeverThrown_huntTest_failsAsJUnit4WouldAndKeepsTheAftersFailure() {
        HuntRun run = huntWithJUnit("--strategy", "none", "--rounds", "1", ExpectedButQuiet.class.getName() + "#quiet");

        assertEquals(1, run.status(), run.toString());
        assertTrue(run.out().contains("java.lang.AssertionError: Expected exception: java.lang.IllegalStateException"),
                run.toString());
        assertTrue(run.out().contains("Suppressed: java.lang.IllegalArgumentException: tearDown failed too"),
                run.toString());
    }

    private static void assertUsageError(String expected, String main) {
        HuntRun run = huntWithJUnit(main);

        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
        assertFalse(run.out().contains("rounds"), "no round ran: " + run);
    }

    private static HuntRun withLifecycleRecord(Path file, java.util.function.Supplier<HuntRun> hunt) {
        System.setProperty(LifecycleRecord.FILE_PROPERTY, file.toString());
        try {
            return hunt.get();
        } finally {
            System.clearProperty(LifecycleRecord.FILE_PROPERTY);
        }
    }
}
