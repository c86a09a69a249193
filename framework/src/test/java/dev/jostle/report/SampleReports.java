package dev.jostle.report;

import java.util.List;

/** Reports made by hand, with every field set and text that HTML and JSON must carry safely. */
public final class SampleReports {

    /** Text a page must show as text: an element, an entity, quotes, and regex replacement syntax. */
    public static final String MARKUP = "expected: <1> but was: <2> & \"more\" <script>alert('boom')</script> $1 \\$0";

    private SampleReports() {
    }

    public static TestReport passed(String test) {
        return new TestReport(test, Verdict.PASSED, false, 37, 1, null, 123L, "mixed", 2100L, null, 5000L, null,
                List.of(), 0, 0, "warn", 4242L, "2026-12-03T20:00:00Z");
    }

    /** Failed, with a race whose frames hold {@code <init>} and {@code $}, and a message full of markup. */
    public static TestReport failedWithRace(String test) {
        RaceReport race = new RaceReport("org.acme.Box$Inner.count", List.of(
                new RaceReport.Access("worker-1", "write", "org.acme.Box$Inner.<init>(Box.java:12)",
                        List.of("org.acme.Box$Inner.<init>(Box.java:12)", "org.acme.Box.lambda$put$0(Box.java:30)"),
                        RaceReport.NEXT_ACCESS_HERE),
                new RaceReport.Access("worker-2 <&>", "read", "org.acme.Box$Inner.get(Box.java:20)",
                        List.of("org.acme.Box$Inner.get(Box.java:20)", "java.lang.Thread.run(Thread.java:840)"),
                        RaceReport.THIS_ACCESS)));
        TestReport.Failure failure = new TestReport.Failure("exception", MARKUP, 5, 128L, "random",
                "-Djostle.seed=128 -Djostle.strategy=random", null, "jostled", "jostled-bar-5",
                "@Jostled(seed = 128L, strategy = \"random\")", 5, 5, MARKUP + "\n\njostle: round 5 failed", null);
        return new TestReport(test, Verdict.FAILED, true, 6, 1, 3, 123L, "mixed", 400L, 120L, 5000L, failure,
                List.of(race), 1, 0, "warn", 17L, "2026-12-03T20:00:01Z");
    }

    public static TestReport notJostled(String test) {
        return new TestReport(test, Verdict.NOT_JOSTLED, false, 1, 1, 3, 9L, "random", 3000L, 2900L, 30000L, null,
                List.of(), 0, 0, "off", 0L, null);
    }
}
