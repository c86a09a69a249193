package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.jostle.junit.Jostled;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The samples as a user would test them: each variant's scenario under {@code @Jostled}, run through the
 * Jupiter engine. Every broken variant's jostled test fails, with the kind of failure its story describes;
 * every fix's jostled test passes.
 */
class JostledSamplesTests {

    @TestFactory
    Stream<DynamicTest> brokenVariant_jostledTest_failsWithTheExpectedKind() {
        return Catalogue.variants().stream()
                .filter(v -> v.broken() && v.outOfReach() == null)
                .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> {
                    EngineExecutionResults results = run(BrokenTestCase.class, variant.name());

                    List<Throwable> failures = failures(results);
                    assertEquals(1, failures.size(), variant.name() + " was not caught by @Jostled: " + failures);
                    String message = failures.get(0).getMessage();
                    assertTrue(variant.expected().stream().anyMatch(kind -> message.contains("failure:  " + kind.label())),
                            variant.name() + " failed, but not as " + variant.expected() + ":\n" + message);
                }));
    }

    @TestFactory
    Stream<DynamicTest> fix_jostledTest_passes() {
        return Catalogue.variants().stream()
                .filter(v -> !v.broken())
                .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> {
                    EngineExecutionResults results = run(FixedTestCase.class, variant.name());

                    assertEquals(List.of(), failures(results), variant.name() + " failed under @Jostled");
                    assertEquals(1, results.testEvents().succeeded().count(), variant.name() + " did not run");
                }));
    }

    private static EngineExecutionResults run(Class<?> fixture, String variant) {
        String method = variant.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + variant.substring(1);
        return EngineTestKit.engine("junit-jupiter").selectors(selectMethod(fixture, method)).execute();
    }

    private static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .collect(Collectors.toList());
    }

    /** Broken variants, jostled with the suite runner's default budget for them. Run only through the kit. */
    static class BrokenTestCase {

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void lostUpdate_01_Broken() throws Throwable {
            Catalogue.variant("LostUpdate_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void lazyInit_01_Broken() throws Throwable {
            Catalogue.variant("LazyInit_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void putIfAbsent_01_Broken() throws Throwable {
            Catalogue.variant("PutIfAbsent_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void doubleChecked_01_Broken() throws Throwable {
            Catalogue.variant("DoubleChecked_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void halfBuilt_01_Broken() throws Throwable {
            Catalogue.variant("HalfBuilt_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void escape_01_Broken() throws Throwable {
            Catalogue.variant("Escape_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void search_01_Broken() throws Throwable {
            Catalogue.variant("Search_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void tickets_01_Broken() throws Throwable {
            Catalogue.variant("Tickets_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void guestbook_01_Broken() throws Throwable {
            Catalogue.variant("Guestbook_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void transfer_01_Broken() throws Throwable {
            Catalogue.variant("Transfer_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void philosophers_01_Broken() throws Throwable {
            Catalogue.variant("Philosophers_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void diners_01_Broken() throws Throwable {
            Catalogue.variant("Diners_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void courier_01_Broken() throws Throwable {
            Catalogue.variant("Courier_01_Broken").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void buffer_01_IfNotWhile() throws Throwable {
            Catalogue.variant("Buffer_01_IfNotWhile").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void buffer_02_NotifyNotAll() throws Throwable {
            Catalogue.variant("Buffer_02_NotifyNotAll").round().run();
        }

        @Jostled(rounds = 500, time = "60s", seed = 1, parallel = 1, roundTimeout = "2s")
        void pipeline_01_Broken() throws Throwable {
            Catalogue.variant("Pipeline_01_Broken").round().run();
        }
    }

    /** Fixes, jostled for 100 rounds each (the runner's default is 300, its long mode 5000). */
    static class FixedTestCase {

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lostUpdate_02_Locked() throws Throwable {
            Catalogue.variant("LostUpdate_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lostUpdate_03_Messages() throws Throwable {
            Catalogue.variant("LostUpdate_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lostUpdate_04_Channel() throws Throwable {
            Catalogue.variant("LostUpdate_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lazyInit_02_Locked() throws Throwable {
            Catalogue.variant("LazyInit_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lazyInit_03_Messages() throws Throwable {
            Catalogue.variant("LazyInit_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void lazyInit_04_Channel() throws Throwable {
            Catalogue.variant("LazyInit_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void putIfAbsent_02_Locked() throws Throwable {
            Catalogue.variant("PutIfAbsent_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void putIfAbsent_03_Atomic() throws Throwable {
            Catalogue.variant("PutIfAbsent_03_Atomic").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void putIfAbsent_04_Channel() throws Throwable {
            Catalogue.variant("PutIfAbsent_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void doubleChecked_02_Volatile() throws Throwable {
            Catalogue.variant("DoubleChecked_02_Volatile").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void doubleChecked_03_Immutable() throws Throwable {
            Catalogue.variant("DoubleChecked_03_Immutable").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void halfBuilt_02_Locked() throws Throwable {
            Catalogue.variant("HalfBuilt_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void halfBuilt_03_Messages() throws Throwable {
            Catalogue.variant("HalfBuilt_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void halfBuilt_04_Channel() throws Throwable {
            Catalogue.variant("HalfBuilt_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void escape_02_Messages() throws Throwable {
            Catalogue.variant("Escape_02_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void escape_03_Locked() throws Throwable {
            Catalogue.variant("Escape_03_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void stopFlag_02_Volatile() throws Throwable {
            Catalogue.variant("StopFlag_02_Volatile").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void stopFlag_03_Channel() throws Throwable {
            Catalogue.variant("StopFlag_03_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void search_02_Volatile() throws Throwable {
            Catalogue.variant("Search_02_Volatile").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void search_03_Messages() throws Throwable {
            Catalogue.variant("Search_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void search_04_Channel() throws Throwable {
            Catalogue.variant("Search_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void tickets_02_Locked() throws Throwable {
            Catalogue.variant("Tickets_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void tickets_03_Messages() throws Throwable {
            Catalogue.variant("Tickets_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void tickets_04_Channel() throws Throwable {
            Catalogue.variant("Tickets_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void guestbook_02_Locked() throws Throwable {
            Catalogue.variant("Guestbook_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void guestbook_03_Messages() throws Throwable {
            Catalogue.variant("Guestbook_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void guestbook_04_Channel() throws Throwable {
            Catalogue.variant("Guestbook_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void transfer_02_Ordered() throws Throwable {
            Catalogue.variant("Transfer_02_Ordered").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void transfer_03_Messages() throws Throwable {
            Catalogue.variant("Transfer_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void transfer_04_Channel() throws Throwable {
            Catalogue.variant("Transfer_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void philosophers_02_Ordered() throws Throwable {
            Catalogue.variant("Philosophers_02_Ordered").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void philosophers_03_Waiter() throws Throwable {
            Catalogue.variant("Philosophers_03_Waiter").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void philosophers_04_Messages() throws Throwable {
            Catalogue.variant("Philosophers_04_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void diners_02_Locked() throws Throwable {
            Catalogue.variant("Diners_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void diners_03_Channel() throws Throwable {
            Catalogue.variant("Diners_03_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void diners_04_Messages() throws Throwable {
            Catalogue.variant("Diners_04_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void courier_02_Aging() throws Throwable {
            Catalogue.variant("Courier_02_Aging").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void courier_03_Messages() throws Throwable {
            Catalogue.variant("Courier_03_Messages").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void courier_04_Channel() throws Throwable {
            Catalogue.variant("Courier_04_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void buffer_03_Locked() throws Throwable {
            Catalogue.variant("Buffer_03_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void buffer_04_Conditions() throws Throwable {
            Catalogue.variant("Buffer_04_Conditions").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void buffer_05_Channel() throws Throwable {
            Catalogue.variant("Buffer_05_Channel").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void pipeline_02_Locked() throws Throwable {
            Catalogue.variant("Pipeline_02_Locked").round().run();
        }

        @Jostled(rounds = 100, time = "0", seed = 1, parallel = 1, roundTimeout = "2s")
        void pipeline_03_Channel() throws Throwable {
            Catalogue.variant("Pipeline_03_Channel").round().run();
        }
    }
}
