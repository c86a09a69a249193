package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.schedule.Schedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing controlled round's schedule as the HTML report's timeline: its rows, its folds, and the page. */
class TimelineTests {

    private static final int READ = Sites.register(Event.FIELD_READ, "com.acme.Counter", "add", "Counter.java", 12,
            "com.acme.Counter.count", false);
    private static final int WRITE = Sites.register(Event.FIELD_WRITE, "com.acme.Counter", "add", "Counter.java", 12,
            "com.acme.Counter.count", false);
    private static final int BUSY = Sites.register(Event.FIELD_READ, "com.acme.Worker", "spin", "Worker.java", 30,
            "com.acme.Worker.idle", false);
    private static final int CHECK = Sites.register(Event.FIELD_READ, "com.acme.Main", "main", "Main.java", 7,
            "com.acme.Main.done", false);
    /** No Java class is named so, but a site's class name is only text to the report. */
    private static final int EVIL = Sites.register(Event.FIELD_WRITE, "com.acme.<script>alert('site')</script>",
            "run", "Evil.java", 3, "com.acme.Evil.x", false);

    /** The interleaving table's long schedule: a fold, the lost update's four steps, a fold, the last steps. */
    private static Schedule lostUpdate(String... threads) {
        FabricatedSchedule steps = new FabricatedSchedule(threads).add(0, CHECK);
        steps.repeat(1, BUSY, 50).add(1, READ).add(2, READ).add(1, WRITE).add(2, WRITE);
        steps.repeat(2, BUSY, 50).repeat(0, BUSY, 3).repeat(1, BUSY, 3).add(0, CHECK);
        return steps.schedule();
    }

    private static Race race() {
        return new Race("com.acme.Counter.count", new Race.Access("adder-a", false, Sites.get(READ), List.of()),
                new Race.Access("adder-b", true, Sites.get(WRITE), List.of()));
    }

    @Test
    void longSchedule_of_keepsTheTrimmedTablesRowsAndEachFoldsOwnSteps() {
        Timeline timeline = Timeline.of(lostUpdate("main", "adder-a", "adder-b"), List.of(race()), null,
                "schedule-7.txt");

        assertEquals(List.of(new Timeline.Lane(0, "main"), new Timeline.Lane(1, "adder-a"),
                new Timeline.Lane(2, "adder-b")), timeline.lanes());
        List<Timeline.Row> rows = timeline.rows();
        assertEquals(List.of(0, 51, 52, 53, 54, 55, 106, 108, 111), rows.stream().map(Timeline.Row::step).toList());
        Timeline.Row fold = rows.get(0);
        assertTrue(fold.fold());
        assertNull(fold.thread(), "main and adder-a ran the first fold's steps");
        assertEquals("… 51 steps (main 1, adder-a 50)", fold.text());
        assertEquals(List.of(
                new Timeline.Row(0, 1, 0, "Main.main:7 field-read done", false, false, List.of(), 0),
                new Timeline.Row(1, 50, 1, "Worker.spin:30 field-read idle", false, true, List.of(), 0)),
                fold.steps());
        assertEquals(new Timeline.Row(52, 1, 2, "Counter.add:12 field-read count", false, true, List.of(), 0),
                rows.get(2));
        assertFalse(rows.get(1).switched(), "adder-a ran step 50 too");
        assertEquals(0, timeline.notEmbedded());
        assertEquals(112, timeline.decisions());
        assertEquals("schedule-7.txt", timeline.traceFile());
    }

    @Test
    void foldsLongerThanTheCap_of_embedTheFirstRowsAndCountTheStepsLeftOut() {
        int steps = 1 << 20;
        int[] threads = new int[steps];
        int[] sites = new int[steps];
        byte[] events = new byte[steps];
        for (int step = 0; step < steps; step++) {
            threads[step] = 1 + step % 2; // every step a switch: no two rows merge
            sites[step] = BUSY;
            events[step] = Event.FIELD_READ;
        }
        Schedule schedule = Schedule.restored("controlled-random", threads, sites, events, 3L * steps, 1,
                List.of("main", "adder-a", "adder-b"), null, false);

        Timeline timeline = Timeline.of(schedule, List.of(), null, "schedule-9.txt");
        String page = IndexPage.render(List.of(failedWith(timeline)));

        Timeline.Row fold = timeline.rows().get(0);
        assertEquals(Timeline.EMBEDDED, fold.steps().size());
        assertEquals(steps - ScheduleRows.TAIL - Timeline.EMBEDDED, fold.notEmbedded());
        assertEquals(fold.notEmbedded(), timeline.notEmbedded());
        assertTrue(page.contains("The folds leave out " + fold.notEmbedded() + " steps: every step is in <a"
                + " class=\"trace\" href=\"schedule-9.txt\">schedule-9.txt</a>."), page);
        assertTrue(page.contains("The round's first " + steps + " of " + 3L * steps + " decisions were recorded"),
                page);
        assertTrue(page.length() < 200_000, "a million steps make a page of " + page.length() + " characters");
    }

    @Test
    void timeline_render_drawsALanePerThreadEachStepInItsLaneAndTheSwitches() {
        String page = IndexPage.render(List.of(failedWith(Timeline.of(lostUpdate("main", "adder-a", "adder-b"),
                List.of(race()), null, "schedule-7.txt"))));

        assertTrue(page.contains("<thead><tr><th>step</th><th class=\"lane-0\">main</th><th class=\"lane-1\">"
                + "adder-a</th><th class=\"lane-2\">adder-b</th></tr></thead>"), page);
        assertTrue(page.contains("<tr class=\"step\"><td class=\"number\">51</td><td></td><td class=\"cell lane-1\">"
                + "Counter.add:12 field-read count</td><td></td></tr>"), page);
        assertTrue(page.contains("<tr class=\"step switch\"><td class=\"number\">52</td><td></td><td></td>"
                + "<td class=\"cell lane-2\">Counter.add:12 field-read count</td></tr>"), page);
        assertTrue(page.contains("<td class=\"number\">106</td><td class=\"cell lane-0\">Worker.spin:30 field-read"
                + " idle <span class=\"repeat\">×2</span></td><td></td><td></td></tr>"), page);
        assertTrue(page.contains("Every step, as text: <a class=\"trace\" href=\"schedule-7.txt\">"), page);
    }

    @Test
    void folds_render_asDetailsThatOpenOntoTheirStepsInTheSameLanes() {
        String page = IndexPage.render(List.of(failedWith(Timeline.of(lostUpdate("main", "adder-a", "adder-b"),
                List.of(race()), null, null))));

        int fold = page.indexOf("<tr class=\"fold\"><td class=\"folded\" colspan=\"4\"><details><summary>"
                + "… 51 steps (main 1, adder-a 50)</summary>");
        int inner = page.indexOf("<tr class=\"step switch\"><td class=\"number\">1</td><td></td>"
                + "<td class=\"cell lane-1\">Worker.spin:30 field-read idle <span class=\"repeat\">×50</span></td>"
                + "<td></td></tr>", fold);
        int closed = page.indexOf("</details>", fold);
        assertTrue(fold > 0 && inner > fold && closed > inner, page);
        assertTrue(page.contains("<summary>… 51 steps (main 1, adder-b 50)</summary>"), page);
        assertFalse(page.contains("href=\"null\""), "no trace file, no link: " + page);
    }

    @Test
    void markupInThreadAndClassNames_render_isEscapedNeverInterpreted() {
        Schedule schedule = new FabricatedSchedule("main", "<script>alert('thread')</script>", "adder-b")
                .add(1, EVIL).add(2, READ).schedule();

        String page = IndexPage.render(List.of(failedWith(Timeline.of(schedule, List.of(), null,
                "<script>.txt"))));

        assertTrue(page.contains("<th class=\"lane-0\">&lt;script&gt;alert(&#39;thread&#39;)&lt;/script&gt;</th>"),
                page);
        assertTrue(page.contains("<td class=\"cell lane-0\">&lt;script&gt;alert(&#39;site&#39;)&lt;/script&gt;"
                + ".run:3 field-write Evil.x</td>"), page);
        assertTrue(page.contains("href=\"&lt;script&gt;.txt\""), page);
        assertFalse(page.contains("<script"), page);
    }

    @Test
    void reportWithATimeline_toJsonAndBack_keepsEveryRow() {
        TestReport report = failedWith(Timeline.of(lostUpdate("main", "adder-a", "adder-b"), List.of(race()), null,
                "schedule-7.txt"));

        assertEquals(report, ReportJson.fromJson(ReportJson.toJson(report)));
    }

    private static TestReport failedWith(Timeline timeline) {
        TestReport sample = SampleReports.failedWithRace("org.acme.Counter#increments");
        TestReport.Failure failure = sample.failure();
        return new TestReport(sample.test(), sample.verdict(), true, 1, 1, null, 7L, "controlled-random", 10L, null,
                null, new TestReport.Failure(failure.kind(), failure.message(), 1, 7L, "controlled-random",
                        failure.replay(), null, "jostled", null, null, null, null, null, timeline),
                List.of(), 1, 0, "warn", 0L, null);
    }
}
