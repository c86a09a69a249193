package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class SummaryLineTests {

    private static final Path FILE = Paths.get("").toAbsolutePath().resolve("target/jostle/org.acme.FooTests.bar.json");

    @Test
    void passedReport_line_saysRoundsFailuresRacesSeedTimeAndTheFileRelativeToTheWorkingDirectory() {
        assertEquals("jostle: org.acme.FooTests#bar: passed, 37 jostled rounds + 1 without noise, 0 failed, 0 races,"
                + " seed 123 (mixed), 2.1s -> " + Paths.get("target/jostle/org.acme.FooTests.bar.json"),
                SummaryLine.of(SampleReports.passed("org.acme.FooTests#bar"), FILE));
    }

    @Test
    void failedReport_line_isFailedInCapitalsWithoutTheMessage() {
        assertEquals("jostle: org.acme.FooTests#bar: FAILED, 6 jostled rounds + 1 without noise, 1 failed, 1 race,"
                + " seed 123 (mixed), 0.4s", SummaryLine.of(SampleReports.failedWithRace("org.acme.FooTests#bar"), null));
    }

    @Test
    void notJostledReport_line_namesTheMinimumAndThatRacesWereNotLookedFor() {
        assertEquals("jostle: a.B#c: NOT JOSTLED (fewer than 3 jostled rounds), 1 jostled round + 1 without noise,"
                + " 0 failed, races not looked for, seed 9 (random), 3.0s -> /elsewhere/a.B.c.json",
                SummaryLine.of(SampleReports.notJostled("a.B#c"), Paths.get("/elsewhere/a.B.c.json")));
    }
}
