package dev.jostle.junit.internal;

import dev.jostle.junit.Jostled;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Runs every test of a JVM started with {@code -javaagent} in a round of its own, with race detection (and
 * noise, if asked): Go's {@code -race} for a JUnit suite, with no test edited. JUnit loads this listener from
 * {@code META-INF/services} in every run; it stays idle unless the agent started with the JVM, so a
 * {@code @Jostled} test that attaches the agent later never turns it on.
 *
 * <p>JUnit calls {@link #executionStarted} and {@link #executionFinished} in the thread that runs the test (in
 * parallel mode too), so binding the round there puts the test's own code and the threads it starts in the
 * round, and two tests running at once in two rounds, each with its own race detector. {@code @Jostled} tests
 * run their own rounds and are left alone. Nothing here throws into JUnit: a failure is one line on the
 * console and the test runs as it would without Jostle.
 */
public final class EveryTestRounds implements TestExecutionListener {

    private final PrintStream out;
    private final AtomicBoolean troubleReported = new AtomicBoolean();
    /** Null while idle. */
    private volatile EveryTestSession session;
    /** The tests {@code jostle.select} jostles: like {@code @Jostled} ones, they run their own rounds. */
    private volatile JostleSelection selection;

    public EveryTestRounds() {
        this(System.out);
    }

    EveryTestRounds(PrintStream out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (session != null) {
            return; // a further plan of the same launcher (a rerun of failed tests): keep collecting
        }
        try {
            // Asked of the boot class path first: agent classes must not be loaded before the agent started.
            if (!AgentAttacher.agentStarted() || !EveryTestSession.agentStartedAtLaunch()) {
                return;
            }
            selection = JostleSelection.inForce(plan.getConfigurationParameters());
            EveryTestSettings settings = EveryTestSettings.read(plan.getConfigurationParameters()::get);
            if (settings.active()) {
                session = new EveryTestSession(settings);
            }
        } catch (IllegalArgumentException bad) {
            out.println("jostle: " + bad.getMessage() + "; the tests run without Jostle's per-test race detection");
        } catch (RuntimeException | LinkageError bug) {
            trouble("per-test race detection is off", bug);
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        EveryTestSession current = session;
        if (current == null || !test.isTest()) {
            return;
        }
        try {
            if (!isJostled(test)) {
                current.open(test.getUniqueId(), name(test));
            }
        } catch (RuntimeException | LinkageError bug) {
            trouble("could not open a round for " + test.getDisplayName(), bug);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        EveryTestSession current = session;
        if (current == null || !test.isTest()) {
            return;
        }
        try {
            current.close(test.getUniqueId());
        } catch (RuntimeException | LinkageError bug) {
            trouble("could not end the round of " + test.getDisplayName(), bug);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        EveryTestSession current = session;
        if (current == null || current.results().tests() == 0) {
            return;
        }
        try {
            RacesByTest results = current.results();
            Path file;
            try {
                file = results.write();
            } catch (java.io.IOException | RuntimeException unwritable) {
                out.println("jostle: could not write " + RacesByTest.FILE + ": " + unwritable);
                file = null;
            }
            List<String> lines = results.consoleLines(file);
            lines.forEach(out::println);
        } catch (RuntimeException | LinkageError bug) {
            trouble("could not report the races by test", bug);
        }
    }

    /**
     * Whether JUnit will run the test as {@code @Jostled}: the extension then runs its own rounds. The one
     * place that decides which tests are left to it.
     */
    boolean isJostled(TestIdentifier test) {
        MethodSource source = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .orElse(null);
        Method method = source == null ? null : javaMethod(source);
        if (method == null) {
            return false;
        }
        JostleSelection selected = selection;
        return AnnotationSupport.isAnnotated(method, Jostled.class)
                || selected != null && AnnotationSupport.isAnnotated(method, org.junit.jupiter.api.Test.class)
                        && selected.matches(source.getClassName(), source.getMethodName());
    }

    private static Method javaMethod(MethodSource source) {
        try {
            return source.getJavaMethod();
        } catch (RuntimeException | LinkageError unloadable) {
            return null;
        }
    }

    /**
     * {@code fully.qualified.Class#method}, with the invocation in brackets for a repeated, parameterized or
     * dynamic test ({@code Class#method[#2]}); the display name for a test without a method source.
     */
    static String name(TestIdentifier test) {
        if (!(test.getSource().orElse(null) instanceof MethodSource)) {
            return test.getDisplayName();
        }
        MethodSource source = (MethodSource) test.getSource().get();
        String name = source.getClassName() + "#" + source.getMethodName();
        try {
            UniqueId.Segment last = UniqueId.parse(test.getUniqueId()).getLastSegment();
            return "method".equals(last.getType()) ? name : name + "[" + last.getValue() + "]";
        } catch (RuntimeException unparsable) {
            return name;
        }
    }

    private void trouble(String what, Throwable bug) {
        if (troubleReported.compareAndSet(false, true)) {
            out.println("jostle: " + what + ": " + bug);
        }
    }
}
