package dev.jostle.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.GradingResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.grading.TestGrading;

/**
 * Reads jcstress's binary results file ({@code jcstress-results-*.bin.gz}) with jcstress's own reader and
 * grades it with jcstress's own grading, so that "forbidden" means exactly what it means to jcstress. The
 * grading looks the tests up in {@code META-INF/TestList} on this class path.
 */
final class JcstressResultsFile {

    private JcstressResultsFile() {
    }

    static List<JcstressResult> read(Path file) {
        InProcessCollector collector = new InProcessCollector();
        DiskReadCollector reader;
        try {
            reader = new DiskReadCollector(file.toString(), collector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open jcstress results " + file, e);
        }
        try {
            reader.dump();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jcstress results " + file, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jcstress results " + file + " need a class this class path lacks", e);
        } finally {
            reader.close();
        }
        List<JcstressResult> results = new ArrayList<>();
        for (TestResult merged : ReportUtils.mergedByName(collector.getTestResults())) {
            results.add(convert(merged));
        }
        results.sort(Comparator.comparing(JcstressResult::test));
        return results;
    }

    private static JcstressResult convert(TestResult r) {
        List<JcstressOutcome> outcomes = new ArrayList<>();
        List<String> messages = new ArrayList<>(r.getMessages());
        try {
            TestGrading grading = r.grading();
            for (Map.Entry<String, GradingResult> row : grading.gradingResults.entrySet()) {
                GradingResult g = row.getValue();
                outcomes.add(new JcstressOutcome(g.id, JcstressOutcome.Expect.valueOf(g.expect.name()), g.count,
                        g.description));
            }
        } catch (RuntimeException noTestList) {
            // Without the test's declaration only the raw counts are known: grade them UNKNOWN, which fails.
            messages.add("cannot grade (is META-INF/TestList on the class path?): " + noTestList);
            for (String state : r.getStateKeys()) {
                outcomes.add(new JcstressOutcome(state, JcstressOutcome.Expect.UNKNOWN, r.getCount(state), ""));
            }
        }
        return new JcstressResult(r.getName(), r.status().name(), outcomes, messages);
    }
}
