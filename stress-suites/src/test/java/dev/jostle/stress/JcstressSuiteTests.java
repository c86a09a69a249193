package dev.jostle.stress;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.bridge.JcstressResult;
import dev.jostle.bridge.JcstressRun;
import dev.jostle.bridge.JcstressRunner;
import dev.jostle.bridge.JcstressSettings;
import dev.jostle.bridge.JcstressTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;

/**
 * Runs every jcstress test of this module in one jcstress run (the mode comes from
 * {@code jostle.jcstress.mode}: {@code quick} in {@code mvn verify}, {@code default} with {@code -Pstress}).
 * Two kinds of JUnit test come out of it: one per jcstress test (a forbidden outcome fails it), and one per
 * broken variant that must have been caught (its interesting outcome seen), unless it is
 * {@link HardwareDependent}.
 */
class JcstressSuiteTests {

    @TestFactory
    Stream<DynamicTest> memoryModelSuite_runsEveryTest_brokenCaughtAndFixesClean(TestReporter reporter) {
        JcstressRun run = JcstressRunner.run(JcstressSettings.fromSystemProperties("^dev\\.jostle\\.stress\\."));
        return Stream.concat(JcstressTests.of(run, reporter), brokenVariantsCaught(run, reporter));
    }

    private static Stream<DynamicTest> brokenVariantsCaught(JcstressRun run, TestReporter reporter) {
        return run.results().stream().filter(r -> Variants.isBroken(r.simpleName())).flatMap(result -> {
            HardwareDependent excuse = Variants.load(result.test()).getAnnotation(HardwareDependent.class);
            if (excuse != null) {
                String seen = result.interesting() ? "caught" : "not observed";
                reporter.publishEntry(result.simpleName(), seen + " (hardware-dependent: " + excuse.value() + ")");
                System.out.println("jcstress: " + result.simpleName() + " " + seen + " on "
                        + System.getProperty("os.arch") + "; " + excuse.value());
                return Stream.empty();
            }
            return Stream.of(DynamicTest.dynamicTest(result.simpleName() + " is caught",
                    () -> assertCaught(result)));
        });
    }

    private static void assertCaught(JcstressResult result) {
        assertTrue(result.interesting(), () -> result.simpleName() + " is broken but jcstress ("
                + "mode " + System.getProperty("jostle.jcstress.mode", "quick") + ") never saw its racy outcome:"
                + System.lineSeparator() + result.report());
    }
}
