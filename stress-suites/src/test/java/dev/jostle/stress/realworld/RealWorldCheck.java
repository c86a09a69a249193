package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The proving ground's verdict (the realworld profile runs it in {@code verify}): reads the plain, agent-only
 * and jostled runs of pool's tests and POOL-419's two runs, prints the figures, and fails naming every test
 * that passed plainly but not jostled, every jostled test short of the minimum rounds or without a report,
 * and every race in pool's main code that allowed-races.txt does not list.
 */
public final class RealWorldCheck {

    /** What the check reads; {@link #fromSystemProperties()} is the profile's way to fill it. */
    record Settings(Path dir, Path testsJar, Path allowedRaces, Path realFailures, int minRounds,
                    String mainPackage, String poolVersion, String fixedVersion) {
    }

    /** The figures for the docs, and what is wrong (empty when the proving ground passed). */
    record Result(List<String> report, List<String> problems) {
    }

    private RealWorldCheck() {
    }

    public static void main(String[] args) throws IOException {
        Result result = check(fromSystemProperties());
        result.report().forEach(line -> System.out.println("realworld: " + line));
        if (!result.problems().isEmpty()) {
            StringBuilder message = new StringBuilder("the proving ground failed, " + result.problems().size()
                    + " problem(s):");
            result.problems().forEach(p -> message.append(System.lineSeparator()).append("  - ").append(p));
            throw new IllegalStateException(message.toString());
        }
        System.out.println("realworld: passed");
    }

    static Settings fromSystemProperties() {
        return new Settings(
                Path.of(required("realworld.dir")),
                Path.of(required("realworld.testsJar")),
                Path.of(required("realworld.allowedRaces")),
                Path.of(required("realworld.realFailures")),
                Integer.parseInt(System.getProperty("jostle.minRounds", "3")),
                System.getProperty("realworld.mainPackage", "org.apache.commons.pool2."),
                required("realworld.poolVersion"),
                required("realworld.fixedVersion"));
    }

    static Result check(Settings settings) throws IOException {
        List<String> report = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SurefireRun plain = SurefireRun.read("plain", settings.dir().resolve("plain"));
        SurefireRun agentOnly = SurefireRun.read("agent-only", settings.dir().resolve("agent-only"));
        SurefireRun jostled = SurefireRun.read("jostled", settings.dir().resolve("jostled"));
        for (SurefireRun run : List.of(plain, agentOnly, jostled)) {
            report.add(figures(run));
            if (run.ran() == 0) {
                problems.add("the " + run.name() + " run ran no test (no Surefire report in "
                        + settings.dir().resolve(run.name()) + ")");
            }
        }
        JostleReports jostleReports = JostleReports.read(settings.dir().resolve("jostled").resolve("jostle"));
        JostleReports agentReports = JostleReports.read(settings.dir().resolve("agent-only").resolve("jostle"));

        plainPassesJostled(plain, jostled, RealFailures.read(settings.realFailures()), report, problems);
        rounds(jostled, jostleReports, settings.minRounds(), report, problems);
        List<Race> races = new ArrayList<>(agentReports.races());
        races.addAll(jostleReports.races());
        races(races, new RaceSites(settings.mainPackage(), RaceSites.classesIn(settings.testsJar())),
                AllowedRaces.read(settings.allowedRaces()), report, problems);
        Pool419Runs.check(settings.dir(), settings.poolVersion(), settings.fixedVersion(), report, problems);
        return new Result(report, problems);
    }

    private static String figures(SurefireRun run) {
        return String.format("%-10s %d tests run (%d passed, %d failed, %d errors), %d skipped, %.1f s in test classes",
                run.name(), run.ran(), run.count(TestOutcome.Status.PASSED), run.count(TestOutcome.Status.FAILED),
                run.count(TestOutcome.Status.ERROR), run.count(TestOutcome.Status.SKIPPED), run.seconds());
    }

    /**
     * Every test that passes plainly passes jostled, under the same name, or fails jostled with the evidence of
     * a bug real-failures.txt shows real.
     */
    static void plainPassesJostled(SurefireRun plain, SurefireRun jostled, RealFailures realFailures,
                                   List<String> report, List<String> problems) {
        plain.tests().forEach((test, outcome) -> {
            if (!outcome.passed()) {
                return;
            }
            TestOutcome underJostle = jostled.tests().get(test);
            if (underJostle == null) {
                problems.add(test + " passed plainly but is not in the jostled run's reports under that name");
            } else if (!underJostle.passed()) {
                RealFailures.Entry real = realFailures.explaining(underJostle.message());
                if (real == null) {
                    problems.add(test + " passed plainly but not jostled: " + underJostle);
                } else {
                    report.add("found, a real bug (" + real.why() + "): " + test + " " + underJostle);
                }
            }
        });
    }

    /**
     * Every @Test that ran in the jostled run has its JSON report, was jostled, and ran the minimum of rounds
     * unless it failed first. Test templates ({@code name(…)[n]}) are not selected and are left out.
     */
    static void rounds(SurefireRun jostled, JostleReports reports, int minRounds, List<String> report,
                       List<String> problems) {
        List<Integer> rounds = new ArrayList<>();
        jostled.tests().forEach((test, outcome) -> {
            if (!outcome.ran() || test.contains("(") || test.contains("[")) {
                return;
            }
            JostleTestReport json = reports.byTest().get(test);
            if (json == null) {
                problems.add(test + " ran in the jostled run but has no JSON report");
                return;
            }
            rounds.add(json.jostledRounds());
            if (json.notJostled()) {
                problems.add(test + " was not jostled (verdict not-jostled, " + json.jostledRounds()
                        + " jostled rounds, minimum " + minRounds + ")");
            } else if (outcome.passed() && json.jostledRounds() < minRounds) {
                problems.add(test + " passed on " + json.jostledRounds() + " jostled rounds, fewer than the minimum "
                        + minRounds);
            }
        });
        if (rounds.isEmpty()) {
            report.add("jostled rounds: none reported");
            return;
        }
        List<Integer> sorted = rounds.stream().sorted().toList();
        long total = sorted.stream().mapToLong(Integer::longValue).sum();
        report.add("jostled rounds: " + total + " in all over " + sorted.size() + " tests, min " + sorted.get(0)
                + ", median " + sorted.get((sorted.size() - 1) / 2) + " per test");
    }

    /** No race in the main code but those allowed; the tests' own races and the rest are listed, not failed. */
    static void races(List<Race> races, RaceSites sites, AllowedRaces allowed, List<String> report,
                      List<String> problems) {
        Map<RaceSites.Where, Map<String, TreeSet<String>>> byWhere = new TreeMap<>();
        for (Race race : races) {
            byWhere.computeIfAbsent(sites.of(race), w -> new TreeMap<>())
                    .computeIfAbsent(race.place(), p -> new TreeSet<>())
                    .add(race.test() == null ? "?" : race.test());
        }
        Map<String, TreeSet<String>> main = byWhere.getOrDefault(RaceSites.Where.MAIN, Map.of());
        Map<String, TreeSet<String>> tests = byWhere.getOrDefault(RaceSites.Where.TESTS, Map.of());
        Map<String, TreeSet<String>> elsewhere = byWhere.getOrDefault(RaceSites.Where.ELSEWHERE, Map.of());
        report.add("races (distinct field and site pairs): " + main.size() + " in pool's main code, " + tests.size()
                + " in pool's tests, " + elsewhere.size() + " elsewhere");
        for (Race race : distinct(races, sites, RaceSites.Where.MAIN)) {
            AllowedRaces.Entry entry = allowed.allowing(race);
            String seenIn = " (seen in " + String.join(", ", main.get(race.place())) + ")";
            if (entry == null) {
                problems.add("race in pool's main code, not in allowed-races.txt: " + race.place() + seenIn);
                report.add("  main, not allowed: " + race.place() + seenIn);
            } else {
                report.add("  main, allowed (" + entry.why() + "): " + race.place() + seenIn);
            }
        }
        tests.forEach((place, seen) -> report.add("  tests: " + place + " (seen in " + String.join(", ", seen) + ")"));
        elsewhere.forEach((place, seen) -> report.add("  elsewhere: " + place + " (seen in " + String.join(", ", seen) + ")"));
    }

    private static List<Race> distinct(List<Race> races, RaceSites sites, RaceSites.Where where) {
        Map<String, Race> byPlace = new TreeMap<>();
        races.stream().filter(r -> sites.of(r) == where).forEach(r -> byPlace.putIfAbsent(r.place(), r));
        return new ArrayList<>(byPlace.values());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("RealWorldCheck needs -D" + property + " (the realworld profile sets it)");
        }
        return value;
    }
}
