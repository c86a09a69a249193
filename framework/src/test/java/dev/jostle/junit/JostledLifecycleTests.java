package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Rounds run like separate JUnit runs of the test: fresh instance, lifecycle around each, one report entry. */
class JostledLifecycleTests {

    @Test
    void passingTest_run_runsEveryRoundOnAFreshInstanceBetweenBeforeEachAndAfterEach() {
        CountingTestCase.reset();

        EngineExecutionResults results = JostledTestKit.run(CountingTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        // 26 rounds: the one without noise that times the test, then 25 jostled.
        assertEquals(1 + 26, CountingTestCase.constructed.get(), "JUnit's own instance, left unused, and one per round");
        assertEquals(26, CountingTestCase.before.get(), "@BeforeEach once per round");
        assertEquals(26, CountingTestCase.tests.get());
        assertEquals(26, CountingTestCase.after.get(), "@AfterEach once per round");
        assertEquals(26, CountingTestCase.instances.size(), "no instance reused");
        assertTrue(CountingTestCase.threads.stream().allMatch(name -> name.startsWith("jostled-counts-")),
                "every round runs in a round thread: " + CountingTestCase.threads);
    }

    @Test
    void passingTest_run_publishesRoundsFailuresSeedAndStrategyAsReportEntries() {
        CountingTestCase.reset();

        Map<String, String> entries = JostledTestKit.reportEntries(JostledTestKit.run(CountingTestCase.class));

        assertEquals("25", entries.get("jostle.rounds"));
        assertEquals("0", entries.get("jostle.failures"));
        assertEquals("41", entries.get("jostle.seed"));
        assertEquals("random", entries.get("jostle.strategy"));
        assertNotNull(entries.get("jostle.elapsed"));
    }

    @Test
    void manyRounds_run_reportOneTestNotOnePerRound() {
        CountingTestCase.reset();

        EngineExecutionResults results = JostledTestKit.run(CountingTestCase.class);

        // The class and its one test method: 25 rounds make neither 25 report entries nor an invocation container.
        assertEquals(1, results.testEvents().started().count());
        assertEquals(2, results.containerEvents().started().count(), "the engine and the class");
        assertEquals(0, results.allEvents().dynamicallyRegistered().count(), "no invocation registered at run time");
    }

    @Test
    void jostledTest_run_keepsTheMethodsOwnNameInReports() throws NoSuchMethodException {
        CountingTestCase.reset();

        EngineExecutionResults results = JostledTestKit.run(CountingTestCase.class);

        TestDescriptor test = results.testEvents().started().list().get(0).getTestDescriptor();
        assertEquals(TestDescriptor.Type.TEST, test.getType());
        assertEquals("counts()", test.getDisplayName());
        // What Surefire writes into its XML: a test template invocation would be "counts()[1]".
        assertEquals("counts()", test.getLegacyReportingName());
        assertEquals("method", test.getUniqueId().getLastSegment().getType(), "a plain test method: " + test.getUniqueId());
        assertEquals(MethodSource.from(CountingTestCase.class, CountingTestCase.class.getDeclaredMethod("counts")),
                test.getSource().orElseThrow());
    }

    @Test
    void beforeEachFails_run_skipsTheTestButStillRunsAfterEachAndFails() {
        BrokenSetupTestCase.after.set(0);
        BrokenSetupTestCase.tests.set(0);

        Throwable failure = JostledTestKit.onlyFailure(JostledTestKit.run(BrokenSetupTestCase.class));

        assertTrue(failure.getMessage().startsWith("java.lang.IllegalStateException: no database"), failure.getMessage());
        assertEquals(0, BrokenSetupTestCase.tests.get());
        // The observation round failed, and like any failure it is replayed (5 times) before it is reported.
        assertEquals(1 + 5, BrokenSetupTestCase.after.get(), "every round's @AfterEach ran");
        assertTrue(failure.getMessage().contains("this round without noise failed again in 5 of 5 replays"),
                failure.getMessage());
    }

    @Test
    void nestedTestClass_run_makesTheWholeInstanceChainFreshEachRound() {
        OuterTestCase.log.clear();

        JostledTestKit.run(OuterTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        // Three rounds: the one without noise that times the test, then two.
        assertEquals(List.of("outer before", "inner before", "test", "inner after", "outer after",
                "outer before", "inner before", "test", "inner after", "outer after",
                "outer before", "inner before", "test", "inner after", "outer after"), OuterTestCase.log);
    }

    @Test
    void parallelRounds_run_stillOneLifecyclePerRound() {
        CountingTestCase.reset();

        JostledTestKit.run(ParallelTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));

        // 40 rounds and the one that times the test first.
        assertEquals(41, CountingTestCase.before.get());
        assertEquals(41, CountingTestCase.after.get());
        assertEquals(41, CountingTestCase.instances.size());
    }

    static class CountingTestCase {
        static final AtomicInteger constructed = new AtomicInteger();
        static final AtomicInteger before = new AtomicInteger();
        static final AtomicInteger tests = new AtomicInteger();
        static final AtomicInteger after = new AtomicInteger();
        static final Set<Integer> instances = ConcurrentHashMap.newKeySet();
        static final Set<String> threads = ConcurrentHashMap.newKeySet();

        private final List<String> state = new ArrayList<>();

        CountingTestCase() {
            constructed.incrementAndGet();
        }

        static void reset() {
            constructed.set(0);
            before.set(0);
            tests.set(0);
            after.set(0);
            instances.clear();
            threads.clear();
        }

        @BeforeEach
        void setUp(TestInfo info) {
            assertNotNull(info, "parameters of lifecycle methods are resolved");
            before.incrementAndGet();
            state.add("set up");
        }

        @Jostled(rounds = 25, time = "0", seed = 41, strategy = "random", parallel = 1)
        void counts() {
            assertEquals(List.of("set up"), state, "fresh state every round");
            tests.incrementAndGet();
            instances.add(System.identityHashCode(this));
            threads.add(Thread.currentThread().getName());
        }

        @AfterEach
        void tearDown() {
            after.incrementAndGet();
        }
    }

    static class ParallelTestCase extends CountingTestCase {
        @Override
        @Jostled(rounds = 40, time = "0", parallel = 4, strategy = "none")
        void counts() {
            super.counts();
        }
    }

    static class BrokenSetupTestCase {
        static final AtomicInteger tests = new AtomicInteger();
        static final AtomicInteger after = new AtomicInteger();

        @BeforeEach
        void setUp() {
            throw new IllegalStateException("no database");
        }

        @Jostled(rounds = 10, time = "0", parallel = 1)
        void neverRuns() {
            tests.incrementAndGet();
        }

        @AfterEach
        void tearDown() {
            after.incrementAndGet();
        }
    }

    static class OuterTestCase {
        static final List<String> log = new ArrayList<>();
        private Object outerState;

        @BeforeEach
        void outerBefore() {
            assertNull(outerState, "a fresh outer instance too");
            outerState = new Object();
            log.add("outer before");
        }

        @AfterEach
        void outerAfter() {
            log.add("outer after");
        }

        @Nested
        class InnerTestCase {
            @BeforeEach
            void innerBefore() {
                log.add("inner before");
            }

            @Jostled(rounds = 2, minRounds = 2, time = "0", parallel = 1, strategy = "none")
            void test() {
                log.add("test");
            }

            @AfterEach
            void innerAfter() {
                log.add("inner after");
            }
        }
    }
}
