package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestReporter;

/**
 * Turns a jcstress run into JUnit tests, one per jcstress test: a forbidden outcome fails it with the
 * outcome table in the message, an interesting outcome becomes a report entry, and a run that matched no
 * test at all fails (jcstress itself exits 0 then).
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> memoryModel(TestReporter reporter) {
 *     return JcstressTests.of(JcstressRunner.run(JcstressSettings.fromSystemProperties("^com\\.acme\\.")), reporter);
 * }
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressTests {

    private JcstressTests() {
    }

    /**
     * The dynamic tests for a finished run. Prints where the HTML report is.
     *
     * @throws AssertionError when the run has no results: a regex that matches nothing must not pass
     */
    public static Stream<DynamicTest> of(JcstressRun run, TestReporter reporter) {
        System.out.println("jcstress: " + run);
        if (run.results().isEmpty()) {
            throw new AssertionError("jcstress ran no test: '" + run.settings().tests()
                    + "' matched nothing in META-INF/TestList (is the jcstress annotation processor named in "
                    + "<annotationProcessors>?); jcstress's output: " + run.log());
        }
        reporter.publishEntry("jcstress.report", run.reportIndex().toString());
        return run.results().stream().map(result -> DynamicTest.dynamicTest(result.simpleName(),
                () -> check(result, reporter)));
    }

    /** Fails when the result has a forbidden outcome or jcstress could not run the test; reports the rest. */
    public static void check(JcstressResult result, TestReporter reporter) {
        if (!result.passed()) {
            Assertions.fail(result.report());
        }
        if (result.interesting()) {
            reporter.publishEntry(interestingEntry(result));
        }
    }

    static Map<String, String> interestingEntry(JcstressResult result) {
        Map<String, String> entry = new LinkedHashMap<>();
        List<JcstressOutcome> seen = result.outcomes().stream().filter(JcstressOutcome::interesting)
                .collect(Collectors.toList());
        entry.put("jcstress.interesting", result.simpleName());
        entry.put("outcomes", seen.stream().map(o -> o.id() + " x" + o.count()).collect(Collectors.joining("; ")));
        entry.put("meaning", seen.stream().map(JcstressOutcome::description).distinct()
                .collect(Collectors.joining(" ")));
        return entry;
    }
}
