package dev.jostle.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A jostle.select that cannot jostle anything says so in one line at the start of the run. */
class JostleSelectionCheckTests {

    private static final String FIXTURE = SomeTestCase.class.getName();

    /** What the check prints for a run of the fixture with these configuration parameters. */
    private static String checked(String... keyValues) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(SomeTestCase.class));
        for (int i = 0; i < keyValues.length; i += 2) {
            request.configurationParameter(keyValues[i], keyValues[i + 1]);
        }
        TestPlan plan = LauncherFactory.create().discover(request.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JostleSelectionCheck(new PrintStream(out, true, StandardCharsets.UTF_8)).testPlanExecutionStarted(plan);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void selectWithoutAutodetection_check_warnsInOneLine() {
        String output = checked("jostle.select", FIXTURE);

        assertEquals("jostle: jostle.select=" + FIXTURE + " is set but JUnit's extension auto-detection is off, so no"
                + " test is jostled; add junit.jupiter.extensions.autodetection.enabled=true (a system property, a"
                + " Surefire configurationParameters line, or junit-platform.properties)" + System.lineSeparator(), output);
    }

    @Test
    void selectMatchingATestWithAutodetection_check_saysNothing() {
        assertEquals("", checked("jostle.select", FIXTURE + "#test", JostleSelectionCheck.AUTODETECTION, "true"));
    }

    @Test
    void noSelect_check_saysNothing() {
        assertEquals("", checked());
    }

    @Test
    void selectMatchingNoTest_check_saysSo() {
        String output = checked("jostle.select", FIXTURE + "#tset", JostleSelectionCheck.AUTODETECTION, "true");

        assertEquals("jostle: jostle.select=" + FIXTURE + "#tset matches no test of this run, so no test is jostled"
                + System.lineSeparator(), output);
    }

    @Test
    void invalidSelect_check_namesTheProblem() {
        String output = checked("jostle.select", "com..acme", JostleSelectionCheck.AUTODETECTION, "true");

        assertTrue(output.startsWith("jostle: configuration parameter jostle.select=com..acme: 'com..acme' is not a valid"),
                output);
    }

    @Test
    void serviceFiles_load_registerTheCheckAndTheExtension() {
        assertTrue(ServiceLoader.load(TestExecutionListener.class).stream()
                .anyMatch(provider -> provider.type() == JostleSelectionCheck.class), "the launcher always loads the check");
        assertTrue(ServiceLoader.load(Extension.class).stream()
                .anyMatch(provider -> provider.type() == JostledExtension.class), "auto-detection registers the extension");
    }

    static class SomeTestCase {
        @Test
        void test() {
        }
    }
}
