package dev.jostle.junit.internal;

import com.google.gson.GsonBuilder;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.junit.internal.JostledConfiguration.RacePolicy;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the every-test rounds of a run found: the tests with races, for a few console lines and for
 * {@value #FILE}. Tests may finish in several threads at once.
 */
final class RacesByTest {

    static final String FILE = "races-by-test.json";
    /** Tests named on the console; the file has them all. */
    static final int CONSOLE_TESTS = 10;

    private final EveryTestSettings settings;
    private final long seed;
    private final List<TestRaces> withRaces = new ArrayList<>();
    private int tests;
    private long noiseEvents;
    /** Tests that had races while races=fail but were not failed, because the check extension did not run. */
    private int notFailed;

    RacesByTest(EveryTestSettings settings, long seed) {
        this.settings = settings;
        this.seed = seed;
    }

    /** One test's races, in the order its round found them. */
    record TestRaces(String test, String uniqueId, List<Race> races) {
    }

    synchronized void add(TestRound round, String uniqueId, RoundReport report) {
        tests++;
        noiseEvents += report.noiseEvents();
        if (!report.races().isEmpty()) {
            withRaces.add(new TestRaces(round.test, uniqueId, report.races()));
            if (settings.races() == RacePolicy.FAIL && !round.checked()) {
                notFailed++;
            }
        }
    }

    synchronized int tests() {
        return tests;
    }

    /**
     * The console summary, one line per test with races (at most {@value #CONSOLE_TESTS}), every line
     * starting {@code jostle: }.
     */
    synchronized List<String> consoleLines(Path file) {
        List<String> lines = new ArrayList<>();
        String how = "(" + settings.describe()
                + (settings.noise() == Strategy.NONE ? "" : ", seed " + seed + ", " + noiseEvents + " noise events")
                + ")";
        if (settings.races() == RacePolicy.OFF) {
            lines.add("jostle: every test ran under noise: " + plural(tests, "test") + " " + how);
            return lines;
        }
        if (withRaces.isEmpty()) {
            lines.add("jostle: every test ran with race detection: no data race in " + plural(tests, "test") + " " + how);
            return lines;
        }
        lines.add("jostle: every test ran with race detection: data races in " + withRaces.size() + " of "
                + plural(tests, "test") + " " + how + "; details in " + file);
        for (TestRaces test : withRaces.subList(0, Math.min(CONSOLE_TESTS, withRaces.size()))) {
            String variables = test.races().stream().map(Race::variable)
                    .collect(Collectors.toCollection(LinkedHashSet::new)).stream().collect(Collectors.joining(", "));
            lines.add("jostle:   " + test.test() + ": " + plural(test.races().size(), "race") + " on " + variables);
        }
        if (withRaces.size() > CONSOLE_TESTS) {
            lines.add("jostle:   ... and " + plural(withRaces.size() - CONSOLE_TESTS, "more test") + ", listed in " + file);
        }
        if (notFailed > 0) {
            lines.add("jostle: " + EveryTestSettings.RACES + "=fail did not fail " + plural(notFailed, "test")
                    + " with races: JUnit did not load Jostle's extension; set"
                    + " junit.jupiter.extensions.autodetection.enabled=true");
        }
        return lines;
    }

    /** Writes {@value #FILE} into the reports folder; returns its path. */
    synchronized Path write() throws IOException {
        Files.createDirectories(settings.reportsDir());
        Path file = settings.reportsDir().resolve(FILE);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("races", settings.races().id());
        json.put("noise", settings.noise().id());
        if (settings.noise() != Strategy.NONE) {
            json.put("seed", seed);
        }
        json.put("tests", tests);
        json.put("noiseEvents", noiseEvents);
        List<Object> byTest = new ArrayList<>();
        for (TestRaces test : withRaces) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("test", test.test());
            entry.put("uniqueId", test.uniqueId());
            entry.put("races", test.races().stream().map(RacesByTest::race).collect(Collectors.toList()));
            byTest.add(entry);
        }
        json.put("testsWithRaces", byTest);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json, out);
        }
        return file;
    }

    private static Map<String, Object> race(Race race) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", race.variable());
        json.put("accesses", List.of(access(race.earlier()), access(race.later())));
        return json;
    }

    private static Map<String, Object> access(Race.Access access) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("thread", access.thread());
        json.put("kind", access.write() ? "write" : "read");
        json.put("site", access.site() == null ? "(unknown site)" : access.site().location());
        json.put("stack", access.stack().stream().map(StackTraceElement::toString).collect(Collectors.toList()));
        return json;
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
