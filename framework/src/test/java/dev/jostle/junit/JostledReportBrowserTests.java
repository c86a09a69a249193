package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jostle.report.ReportsFolder;
import dev.jostle.report.SampleReports;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a real run's reports folder's {@code index.html} in headless Chromium and reads the page the browser built. Needs
 * Chromium, so it runs only in the {@code browser} profile: {@code mvn -B verify -pl framework -am -Pbrowser}.
 */
class JostledReportBrowserTests {

    private static final List<String> CHROMIUM_NAMES =
            List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private static final String HOW_TO_GET_CHROMIUM = "The browser tests (-Pbrowser) need headless Chromium:"
            + " install it (Debian, Ubuntu: apt-get install -y chromium) or name one with -Djostle.chromium=/path/to/it.";

    @TempDir
    Path reports;

    @TempDir
    Path browserProfile;

    @Test
    void racyPassingAndFailingTests_index_showsEveryTestVerdictRaceAndStackInTheBrowser() throws Exception {
        run(RacyTestCase.class);
        run(FailingTestCase.class);
        new ReportsFolder(reports).write(SampleReports.failedWithRace("org.acme.Weird$Inner#run"));

        String dom = dumpDom(reports.resolve(ReportsFolder.INDEX));

        String racy = RacyTestCase.class.getName() + "#bothThreadsClaimTheSameSlot";
        String failing = FailingTestCase.class.getName() + "#failsInRoundTwo";
        assertTrue(dom.contains("<p id=\"totals\">3 tests: 1 passed, 2 failed, 0 not jostled; 2 races."), dom);
        assertEquals(3, count(dom, "<tr><td><a href=\"#test-"), "one summary row per test: " + dom);
        assertEquals(3, count(dom, "<details id=\"test-"), "one details section per test: " + dom);
        assertTrue(dom.contains(">" + racy + "</a></td><td class=\"passed\">passed</td>"), dom);
        assertTrue(dom.contains(">" + failing + "</a></td><td class=\"failed\">failed</td>"), dom);
        assertTrue(dom.contains(">org.acme.Weird$Inner#run</a></td><td class=\"failed\">failed</td>"), dom);

        // The real race: its field, both threads, both sites, and the later access's stack.
        assertTrue(dom.contains("data race on <code class=\"field\">" + RacyTestCase.class.getName() + ".owner</code>"),
                dom);
        assertTrue(dom.contains("<td>earlier</td><td>concurrently-"), dom);
        assertTrue(dom.contains("<td>later</td><td>concurrently-"), dom);
        assertTrue(dom.contains("at " + RacyTestCase.class.getName() + ".lambda$bothThreadsClaimTheSameSlot$"), dom);
        // The failing test: its message, its replay.
        assertTrue(dom.contains("java.lang.AssertionError: round two"), dom);
        assertTrue(dom.contains("<code>-Djostle.seed=2002 -Djostle.strategy=random</code>"), dom);
        // Markup in a report is text on the page, never elements: the browser saw no script and no <init> tag.
        assertTrue(dom.contains("at org.acme.Box$Inner.&lt;init&gt;(Box.java:12)"), dom);
        assertTrue(dom.contains("&lt;script&gt;alert('boom')&lt;/script&gt;"), dom);
        assertFalse(dom.contains("<script"), dom);
        assertFalse(dom.contains("<init>"), dom);
    }

    @Test
    void failingControlledRound_index_drawsItsScheduleAsATimelineInTheBrowser() throws Exception {
        run(ControlledLostUpdateTestCase.class);

        String dom = dumpDom(reports.resolve(ReportsFolder.INDEX));

        assertTrue(dom.contains("<h3>Timeline</h3>"), dom);
        // A lane per adder, the test's own thread first; the adder's name is text, never an element.
        Matcher header = Pattern.compile("<thead><tr><th>step</th><th class=\"lane-0\">jostled-increments-\\d+</th>"
                + "<th class=\"lane-1\">adder-a</th><th class=\"lane-2\">&lt;script&gt;adder-b&lt;/script&gt;</th>")
                .matcher(dom);
        assertTrue(header.find(), dom);
        assertFalse(dom.contains("<script"), dom);
        // The lost update's writes sit in both adders' lanes, and the scheduler's switches are marked.
        assertTrue(dom.contains("<td class=\"cell lane-1\">" + LOST_UPDATE_WRITE), dom);
        assertTrue(dom.contains("<td class=\"cell lane-2\">" + LOST_UPDATE_WRITE), dom);
        assertTrue(dom.contains("<tr class=\"step switch\">"), dom);
        // 200 increments are far more than the trimmed rows: folds the browser parsed as details holding their steps.
        Matcher fold = Pattern.compile("<details><summary>… \\d+ steps[^<]*(<span[^<]*</span>)?</summary>\\s*"
                + "<table class=\"timeline\"[^>]*>\\s*<colgroup>.*?</colgroup>\\s*<tbody>\\s*<tr class=\"step")
                .matcher(dom);
        assertTrue(fold.find(), dom);
        Matcher trace = Pattern.compile("<a class=\"trace\" href=\"(schedule-\\d+\\.txt)\">").matcher(dom);
        assertTrue(trace.find(), dom);
        assertTrue(Files.readString(reports.resolve(trace.group(1))).contains("adder-a"), trace.group(1));
    }

    private void run(Class<?> fixture) {
        JostledTestKit.run(fixture, "jostle.reportsDir", reports.toString(), "jostle.replays", "0");
    }

    /** The DOM Chromium built from the page, serialised. */
    private String dumpDom(Path page) throws IOException, InterruptedException {
        Path errors = browserProfile.resolve("chromium-stderr.txt");
        Process chromium = new ProcessBuilder(chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + browserProfile.resolve("profile"), "--dump-dom", page.toUri().toString())
                .redirectError(errors.toFile()).start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            fail("chromium did not finish in 120 s: " + Files.readString(errors));
        }
        assertEquals(0, chromium.exitValue(), () -> "chromium failed: " + read(errors));
        return new String(dom, StandardCharsets.UTF_8);
    }

    /**
     * Chromium from {@code -Djostle.chromium=...}, else the first of the usual names on the PATH. Missing, the
     * test fails saying how to get it: this test runs only when asked for ({@code -Pbrowser}).
     */
    private static String chromium() {
        String configured = System.getProperty("jostle.chromium");
        if (configured != null && !configured.isBlank()) {
            return Files.isExecutable(Paths.get(configured)) ? configured
                    : fail("-Djostle.chromium=" + configured + " is not an executable file. " + HOW_TO_GET_CHROMIUM);
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(Pattern.quote(File.pathSeparator))) {
            for (String name : CHROMIUM_NAMES) {
                Path candidate = Paths.get(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("none of " + CHROMIUM_NAMES + " is on the PATH. " + HOW_TO_GET_CHROMIUM);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    static class RacyTestCase {
        private String owner;

        @Jostled(rounds = 20, time = "0", seed = 1000, strategy = "random", parallel = 1)
        void bothThreadsClaimTheSameSlot() {
            Concurrently.run(2, () -> owner = "claimed");
            org.junit.jupiter.api.Assertions.assertEquals("claimed", owner);
        }
    }

    /** What a step of the lost update's {@code count++} writing reads in its lane. */
    private static final String LOST_UPDATE_WRITE = "ControlledLostUpdateTestCase.lambda$increments$0:";

    static class ControlledLostUpdateTestCase {
        private int count;

        @Jostled(seed = 7, strategy = "controlled-random", roundTimeout = "30s", parallel = 1)
        void increments() throws InterruptedException {
            Runnable add = () -> {
                for (int i = 0; i < 100; i++) {
                    count++;
                }
            };
            Thread a = new Thread(add, "adder-a");
            Thread b = new Thread(add, "<script>adder-b</script>");
            a.start();
            b.start();
            a.join();
            b.join();
            org.junit.jupiter.api.Assertions.assertEquals(200, count);
        }
    }

    static class FailingTestCase {
        @Jostled(rounds = 5, time = "0", seed = 2000, strategy = "random", parallel = 1)
        void failsInRoundTwo() {
            if (Thread.currentThread().getName().endsWith("-2")) {
                throw new AssertionError("round two");
            }
        }
    }
}
