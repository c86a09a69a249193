package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPageTests {

    private final String page = IndexPage.render(List.of(SampleReports.passed("org.acme.Quiet#fine"),
            SampleReports.failedWithRace("org.acme.Weird$Inner#run"), SampleReports.notJostled("org.acme.Slow#plain")));

    @Test
    void markupInMessagesNamesAndFrames_render_isEscapedNeverInterpreted() {
        assertTrue(page.contains("expected: &lt;1&gt; but was: &lt;2&gt; &amp; &quot;more&quot; "
                + "&lt;script&gt;alert(&#39;boom&#39;)&lt;/script&gt; $1 \\$0"), page);
        assertFalse(page.contains("<script"), "no script at all, neither the page's nor a report's");
        assertTrue(page.contains("at org.acme.Box$Inner.&lt;init&gt;(Box.java:12)"), page);
        assertFalse(page.contains("<init>"), page);
        assertTrue(page.contains("worker-2 &lt;&amp;&gt;"), page);
        assertTrue(page.contains("org.acme.Weird$Inner#run"), "a $ in a name stays as it is");
    }

    @Test
    void reports_render_aSummaryRowPerTestFailedFirst() {
        int failed = page.indexOf("<tr><td><a href=\"#test-1\">org.acme.Weird$Inner#run</a></td><td class=\"failed\">");
        int notJostled = page.indexOf("<a href=\"#test-2\">org.acme.Slow#plain</a></td><td class=\"not-jostled\">");
        int passed = page.indexOf("<a href=\"#test-3\">org.acme.Quiet#fine</a></td><td class=\"passed\">");
        assertTrue(failed > 0 && notJostled > failed && passed > notJostled, page);
        assertTrue(page.contains("<p id=\"totals\">3 tests: 1 passed, 1 failed, 1 not jostled; 1 race."), page);
    }

    @Test
    void raceDetails_render_bothAccessesAndBothStacksWithWhereTheEarlierStackWasTaken() {
        assertTrue(page.contains("data race on <code class=\"field\">org.acme.Box$Inner.count</code>"), page);
        assertTrue(page.contains("<td>earlier</td><td>worker-1</td><td>write</td>"), page);
        assertTrue(page.contains("<td>later</td><td>worker-2 &lt;&amp;&gt;</td><td>read</td>"), page);
        assertTrue(page.contains("Stack of the earlier access (write in worker-1), taken at its thread's next access"
                + " here:"), page);
        assertTrue(page.contains("at java.lang.Thread.run(Thread.java:840)"), page);
        assertTrue(page.contains("<code>-Djostle.seed=128 -Djostle.strategy=random</code>"), page);
    }

    @Test
    void page_render_isSelfContained() {
        assertFalse(page.contains("<link"), page);
        assertFalse(page.contains("src="), page);
        assertFalse(page.contains("http"), page);
    }
}
