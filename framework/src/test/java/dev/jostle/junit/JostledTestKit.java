package dev.jostle.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine and reads what came out. */
final class JostledTestKit {

    private JostledTestKit() {
    }

    static EngineExecutionResults run(Class<?> fixture, String... keyValues) {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameters(parameters)
                .execute();
    }

    /** The one failure of the run (test or container), asserting there is exactly one. */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> failures = results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .collect(Collectors.toList());
        assertEquals(1, failures.size(), () -> "failures: " + failures);
        return failures.get(0);
    }

    /** All report entries published during the run, merged. */
    static Map<String, String> reportEntries(EngineExecutionResults results) {
        Map<String, String> entries = new HashMap<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .forEach(entry -> entries.putAll(entry.getKeyValuePairs()));
        return entries;
    }

    static long count(EngineExecutionResults results, java.util.function.Predicate<Event> which) {
        return results.allEvents().stream().filter(which).count();
    }
}
