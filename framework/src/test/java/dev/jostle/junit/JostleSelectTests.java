package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.junit.internal.JostledExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** jostle.select jostles existing @Test methods through JUnit's extension auto-detection. */
class JostleSelectTests {

    private static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";
    private static final String PLAIN = PlainTestCase.class.getName();

    private static EngineExecutionResults runSelected(Class<?> fixture, String select) {
        // A set round timeout: no round without noise runs first to measure one, so every call is a jostled round.
        return JostledTestKit.run(fixture, AUTODETECTION, "true", "jostle.select", select, "jostle.rounds", "6",
                "jostle.time", "0", "jostle.parallel", "2", "jostle.strategy", "none", "jostle.roundTimeout", "30s");
    }

    @Test
    void selectedTestMethod_run_runsItsRoundsUnderItsOwnName() {
        PlainTestCase.reset();

        EngineExecutionResults results = runSelected(PlainTestCase.class, PLAIN + "#selected");

        results.testEvents().assertStatistics(stats -> stats.succeeded(7).failed(0));
        assertEquals(6, PlainTestCase.selected.get(), "one call per round, none by JUnit");
        assertEquals(6, PlainTestCase.selectedInstances.size(), "a fresh instance per round");
        assertTrue(PlainTestCase.selectedThreads.stream().allMatch(name -> name.startsWith("jostled-selected-")),
                "in round threads: " + PlainTestCase.selectedThreads);
        assertEquals(6 + 6, PlainTestCase.before.get(), "@BeforeEach once per round, and once for each of the 6 other tests");
        assertEquals(1, PlainTestCase.other.get(), "a test the selection does not name runs once, as usual");
        TestDescriptor selected = results.testEvents().started().list().stream().map(event -> event.getTestDescriptor())
                .filter(test -> test.getDisplayName().equals("selected()")).findFirst().orElseThrow();
        assertEquals("selected()", selected.getLegacyReportingName());
        assertEquals("6", JostledTestKit.reportEntries(results).get("jostle.rounds"));
    }

    @Test
    void globMatchingTemplates_run_selectsOnlyPlainTestMethods() {
        PlainTestCase.reset();

        EngineExecutionResults results = runSelected(PlainTestCase.class, "dev.jostle.**$Plain*#*");

        results.testEvents().assertStatistics(stats -> stats.succeeded(7).failed(0));
        assertEquals(6, PlainTestCase.selected.get());
        assertEquals(6, PlainTestCase.other.get(), "every @Test method of the class is selected");
        assertEquals(3, PlainTestCase.repeated.get(), "@RepeatedTest is not jostled");
        assertEquals(2, PlainTestCase.parameterized.get(), "@ParameterizedTest is not jostled");
    }

    @Test
    void autodetectionOff_run_runsTheSelectedTestOnceAsUsual() {
        PlainTestCase.reset();

        JostledTestKit.run(PlainTestCase.class, "jostle.select", PLAIN + "#selected", "jostle.rounds", "6")
                .testEvents().assertStatistics(stats -> stats.succeeded(7).failed(0));

        assertEquals(1, PlainTestCase.selected.get());
    }

    @Test
    void jostledAndSelected_run_runsTheRoundsOnce() {
        BothTestCase.calls.set(0);

        runSelected(BothTestCase.class, BothTestCase.class.getName())
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertEquals(5, BothTestCase.calls.get(), "its own @Jostled(rounds = 5), run once");
    }

    @Test
    void extensionDeclaredOnTheClassAndAutodetected_run_runsTheRoundsOnce() {
        DeclaredTestCase.calls.set(0);

        runSelected(DeclaredTestCase.class, DeclaredTestCase.class.getName())
                .testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));

        assertEquals(5 + 6, DeclaredTestCase.calls.get(), "@Jostled(rounds = 5) once, the selected @Test's 6 rounds once");
    }

    @Test
    void invalidGlob_run_failsNamingTheSettingAndValue() {
        PlainTestCase.reset();

        EngineExecutionResults results = runSelected(PlainTestCase.class, "dev.jostle..Plain");

        Throwable failure = results.testEvents().failed().list().get(0).getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertEquals(org.junit.jupiter.api.extension.ExtensionConfigurationException.class, failure.getClass());
        assertTrue(failure.getMessage().startsWith("configuration parameter jostle.select=dev.jostle..Plain: 'dev.jostle..Plain'"),
                failure.getMessage());
    }

    static class PlainTestCase {
        static final AtomicInteger before = new AtomicInteger();
        static final AtomicInteger selected = new AtomicInteger();
        static final AtomicInteger other = new AtomicInteger();
        static final AtomicInteger repeated = new AtomicInteger();
        static final AtomicInteger parameterized = new AtomicInteger();
        static final Set<Integer> selectedInstances = ConcurrentHashMap.newKeySet();
        static final Set<String> selectedThreads = ConcurrentHashMap.newKeySet();

        static void reset() {
            for (AtomicInteger counter : List.of(before, selected, other, repeated, parameterized)) {
                counter.set(0);
            }
            selectedInstances.clear();
            selectedThreads.clear();
        }

        @BeforeEach
        void setUp() {
            before.incrementAndGet();
        }

        @Test
        void selected() {
            selected.incrementAndGet();
            selectedInstances.add(System.identityHashCode(this));
            selectedThreads.add(Thread.currentThread().getName());
        }

        @Test
        void other() {
            other.incrementAndGet();
        }

        @RepeatedTest(3)
        void repeated() {
            repeated.incrementAndGet();
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void parameterized(int value) {
            parameterized.incrementAndGet();
        }
    }

    static class BothTestCase {
        static final AtomicInteger calls = new AtomicInteger();

        @Jostled(rounds = 5, parallel = 1)
        void both() {
            calls.incrementAndGet();
        }
    }

    @ExtendWith(JostledExtension.class)
    static class DeclaredTestCase {
        static final AtomicInteger calls = new AtomicInteger();

        @Jostled(rounds = 5, parallel = 1)
        void annotated() {
            calls.incrementAndGet();
        }

        @Test
        void selected() {
            calls.incrementAndGet();
        }
    }
}
