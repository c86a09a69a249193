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

    static class FailingTestCase {
        @Jostled(rounds = 5, time = "0", seed = 2000, strategy = "random", parallel = 1)
        void failsInRoundTwo() {
            if (Thread.currentThread().getName().endsWith("-2")) {
                throw new AssertionError("round two");
            }
        }
    }
}
