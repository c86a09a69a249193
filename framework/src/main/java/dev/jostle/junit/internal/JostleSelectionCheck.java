package dev.jostle.junit.internal;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says, in one line at the start of a run, when {@code jostle.select} cannot do what it asks: auto-detection
 * is off (so the extension that would jostle the selected tests is never registered), the value is not a
 * valid selection, or it matches no test of the run. Without it such a run would pass without jostling
 * anything, and look as if it had.
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, which
 * the JUnit Platform launcher (Surefire, Gradle, IDEs) always loads, whether or not extension
 * auto-detection is on.
 */
public final class JostleSelectionCheck implements TestExecutionListener {

    static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";

    private final PrintStream out;

    /** For the launcher's service loader: warnings go to standard error. */
    public JostleSelectionCheck() {
        this(System.err);
    }

    JostleSelectionCheck(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        ConfigurationParameters parameters = plan.getConfigurationParameters();
        String property = System.getProperty(JostleSelection.KEY);
        Optional<String> value = property != null ? Optional.of(property) : parameters.get(JostleSelection.KEY);
        if (value.isEmpty() || value.get().isBlank()) {
            return;
        }
        String setting = JostleSelection.KEY + "=" + value.get();
        if (!parameters.getBoolean(AUTODETECTION).orElse(false)) {
            out.println("jostle: " + setting + " is set but JUnit's extension auto-detection is off, so no test"
                    + " is jostled; add " + AUTODETECTION + "=true (a system property, a Surefire"
                    + " configurationParameters line, or junit-platform.properties)");
            return;
        }
        JostleSelection selection;
        try {
            selection = JostleSelection.parse(value.get(), property != null ? "-D" + JostleSelection.KEY
                    : "configuration parameter " + JostleSelection.KEY);
        } catch (ExtensionConfigurationException invalid) {
            out.println("jostle: " + invalid.getMessage());
            return;
        }
        if (!selection.isEmpty() && !selectsAny(plan, selection)) {
            out.println("jostle: " + setting + " matches no test of this run, so no test is jostled");
        }
    }

    private static boolean selectsAny(TestPlan plan, JostleSelection selection) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                Optional<TestSource> source = test.getSource();
                if (test.isTest() && source.isPresent() && source.get() instanceof MethodSource method
                        && selection.matches(method.getClassName(), method.getMethodName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
