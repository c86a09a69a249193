package dev.jostle.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.bridge.JcstressOutcome.Expect;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

class JcstressTestsTests {

    private final List<Map<String, String>> entries = new ArrayList<>();
    private final TestReporter reporter = entries::add;

    @Test
    void runWithNoResults_fails_namingTheRegex() {
        JcstressRun empty = run(List.of());
        AssertionError e = assertThrows(AssertionError.class, () -> JcstressTests.of(empty, reporter));
        assertTrue(e.getMessage().contains("'^com\\.acme\\.' matched nothing"), e.getMessage());
    }

    @Test
    void forbiddenOutcome_failsTheTest_withTheOutcomeTable() {
        JcstressResult lost = result("NORMAL", new JcstressOutcome("1", Expect.FORBIDDEN, 7, "One increment was lost."),
                new JcstressOutcome("2", Expect.ACCEPTABLE, 993, "Both counted."));
        AssertionError e = assertThrows(AssertionError.class, () -> JcstressTests.check(lost, reporter));
        assertTrue(e.getMessage().contains("7 forbidden outcome(s) observed"), e.getMessage());
        assertTrue(e.getMessage().contains("RESULT") && e.getMessage().matches("(?s).*Forbidden +One increment was lost\\..*"),
                e.getMessage());
    }

    @Test
    void interestingOutcome_passes_andBecomesReportEntry() {
        JcstressResult racy = result("NORMAL", new JcstressOutcome("1", Expect.ACCEPTABLE_INTERESTING, 5, "Lost."),
                new JcstressOutcome("2", Expect.ACCEPTABLE, 995, "Both counted."));
        JcstressTests.check(racy, reporter);
        assertEquals(1, entries.size());
        assertEquals("1 x5", entries.get(0).get("outcomes"));
        assertEquals("LostUpdate_01_Broken", entries.get(0).get("jcstress.interesting"));
    }

    @Test
    void declaredButUnseenForbiddenOutcome_passes() {
        JcstressResult clean = result("NORMAL", new JcstressOutcome("1", Expect.FORBIDDEN, 0, "Lost."),
                new JcstressOutcome("2", Expect.ACCEPTABLE, 1000, "Both counted."));
        JcstressTests.check(clean, reporter);
        assertTrue(clean.passed());
        assertFalse(clean.interesting());
        assertTrue(entries.isEmpty());
    }

    @Test
    void undeclaredOutcome_orTestError_fails() {
        JcstressResult odd = result("NORMAL", new JcstressOutcome("3", Expect.UNKNOWN, 1, ""));
        assertThrows(AssertionError.class, () -> JcstressTests.check(odd, reporter));
        JcstressResult timedOut = result("TIMEOUT_ERROR", new JcstressOutcome("2", Expect.ACCEPTABLE, 10, "ok."));
        AssertionError e = assertThrows(AssertionError.class, () -> JcstressTests.check(timedOut, reporter));
        assertTrue(e.getMessage().contains("jcstress reported TIMEOUT_ERROR"), e.getMessage());
    }

    @Test
    void everyResult_becomesOneDynamicTest() {
        JcstressRun two = run(List.of(result("NORMAL"), result("NORMAL")));
        assertEquals(2, JcstressTests.of(two, reporter).count());
        assertEquals("jcstress.report", entries.get(0).keySet().iterator().next());
    }

    private static JcstressResult result(String status, JcstressOutcome... outcomes) {
        return new JcstressResult("dev.jostle.stress.lostupdate.LostUpdate_01_Broken", status, List.of(outcomes),
                List.of());
    }

    private static JcstressRun run(List<JcstressResult> results) {
        return new JcstressRun(JcstressSettings.forTests("^com\\.acme\\."), results, Paths.get("jcstress.log"),
                Paths.get("report", "index.html"), Duration.ofSeconds(1));
    }
}
