package dev.jostle.stress.realworld;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Checks POOL-419's two runs: on the broken release the jostled test must fail with the bug's own message (a
 * timeout or another error is not a catch), on the fixed release both tests must pass and the plain loop must
 * see nothing; each run must have had the pool version it claims on its class path.
 */
final class Pool419Runs {

    static final String TEST_CLASS = "dev.jostle.stress.realworld.pool419.Pool419Tests";
    static final String JOSTLED_TEST = "jostled_returnRacingInvalidate_leavesNoObjectCountedTwice";
    static final String PLAIN_TEST = "plainLoop_returnRacingInvalidate_recordsHowOftenItIsCaught";
    static final String MARKER = "POOL-419";
    static final String PLAIN_COUNTS = "plain-loop.properties";

    private Pool419Runs() {
    }

    static void check(Path dir, String brokenVersion, String fixedVersion, List<String> report, List<String> problems)
            throws IOException {
        Path broken = dir.resolve("pool419-broken");
        Path fixed = dir.resolve("pool419-fixed");
        SurefireRun brokenRun = SurefireRun.read("pool419-broken", broken);
        SurefireRun fixedRun = SurefireRun.read("pool419-fixed", fixed);

        TestOutcome caught = brokenRun.find(TEST_CLASS, JOSTLED_TEST);
        if (caught == null) {
            problems.add("POOL-419 on " + brokenVersion + ": " + TEST_CLASS + "#" + JOSTLED_TEST + " did not run");
        } else if (caught.passed()) {
            problems.add("POOL-419 on " + brokenVersion + ": not caught, " + JOSTLED_TEST + " passed under Jostle");
        } else if (caught.message() == null || !caught.message().contains(MARKER)) {
            problems.add("POOL-419 on " + brokenVersion + ": " + JOSTLED_TEST
                    + " failed, but not with the bug's message: " + caught);
        }
        report.add("POOL-419 on " + brokenVersion + ": jostled test " + caught + plainLine(broken));
        if (caught != null && caught.jostleRoundLine() != null) {
            // The observation round runs without noise: a catch there is the plain run's luck, not the noise's.
            report.add("POOL-419 on " + brokenVersion + ": " + caught.jostleRoundLine());
        }

        for (String test : new String[] {JOSTLED_TEST, PLAIN_TEST}) {
            TestOutcome clean = fixedRun.find(TEST_CLASS, test);
            if (clean == null || !clean.passed()) {
                problems.add("POOL-419 on " + fixedVersion + ": " + TEST_CLASS + "#" + test + " must pass, but "
                        + (clean == null ? "did not run" : clean));
            }
        }
        report.add("POOL-419 on " + fixedVersion + ": jostled test " + fixedRun.find(TEST_CLASS, JOSTLED_TEST)
                + plainLine(fixed));

        Properties brokenCounts = counts(broken, brokenVersion, problems);
        Properties fixedCounts = counts(fixed, fixedVersion, problems);
        if (fixedCounts != null && !"0".equals(fixedCounts.getProperty("caught"))) {
            problems.add("POOL-419 on " + fixedVersion + ": the plain loop caught it "
                    + fixedCounts.getProperty("caught") + " times: " + fixedCounts.getProperty("firstFinding"));
        }
        if (brokenCounts != null) {
            report.add("POOL-419: time of each run: " + brokenVersion + " " + seconds(brokenRun) + ", "
                    + fixedVersion + " " + seconds(fixedRun));
        }
    }

    private static String plainLine(Path run) throws IOException {
        Properties counts = load(run.resolve(PLAIN_COUNTS));
        if (counts == null) {
            return "; plain loop: no counts";
        }
        return "; plain loop (" + counts.getProperty("budget") + ", " + counts.getProperty("workers")
                + " workers, no agent noise) caught it in " + counts.getProperty("caught") + " of "
                + counts.getProperty("tries") + " tries";
    }

    private static Properties counts(Path run, String expectedVersion, List<String> problems) throws IOException {
        Properties counts = load(run.resolve(PLAIN_COUNTS));
        if (counts == null) {
            problems.add("POOL-419: no " + PLAIN_COUNTS + " in " + run + " (the plain loop did not run)");
            return null;
        }
        if (!expectedVersion.equals(counts.getProperty("poolVersion"))) {
            problems.add("POOL-419: the run meant for commons-pool2 " + expectedVersion + " had "
                    + counts.getProperty("poolVersion") + " on its class path");
        }
        return counts;
    }

    private static Properties load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static String seconds(SurefireRun run) {
        return String.format("%.1f s", run.seconds());
    }
}
