package dev.jostle.junit.internal;

import dev.jostle.engine.RoundBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestInstancePreDestroyCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * One round of a jostled test, as JUnit would run the test once, in JUnit's order: fresh instances (the whole
 * chain, for a {@code @Nested} class) given to the {@code TestInstancePostProcessor}s, the
 * {@code BeforeEachCallback}s, the {@code @BeforeEach} methods outermost class first, the
 * {@code BeforeTestExecutionCallback}s, the test method, then the after-callbacks and {@code @AfterEach}
 * methods (innermost first), which run even when something before them failed, the
 * {@code TestInstancePreDestroyCallback}s, and the round's store closed. Exception handlers registered for
 * the test see the round's exceptions.
 *
 * <p>Every extension is called with the round's own {@link RoundContext} in the round's thread, and
 * parameters are resolved through it, so field injection (Mockito's {@code @Mock}), {@code @TempDir} and
 * other extensions act on the round's instances, never on another round's.
 */
final class FreshInstanceRound implements RoundBody {

    private final ExtensionContext test;
    private final RoundExtensions extensions;
    private final List<Level> levels = new ArrayList<>();
    private final Method testMethod;
    private final List<TestInstancePostProcessor> postProcessors;
    private final List<BeforeEachCallback> beforeEachCallbacks;
    private final List<BeforeTestExecutionCallback> beforeTestCallbacks;
    private final List<AfterTestExecutionCallback> afterTestCallbacks;
    private final List<AfterEachCallback> afterEachCallbacks;
    private final List<TestInstancePreDestroyCallback> preDestroyCallbacks;
    private final List<TestExecutionExceptionHandler> testExceptionHandlers;
    private final List<LifecycleMethodExecutionExceptionHandler> lifecycleExceptionHandlers;

    /** One class of the chain from the outermost test class to the one declaring the test. */
    private static final class Level {
        final Constructor<?> constructor;
        final List<Method> beforeEach;
        final List<Method> afterEach;

        Level(Class<?> type) {
            Constructor<?>[] constructors = type.getDeclaredConstructors();
            if (constructors.length != 1) {
                throw new ExtensionConfigurationException("@Jostled: " + type.getName()
                        + " must declare exactly one constructor, as JUnit requires of test classes");
            }
            this.constructor = constructors[0];
            this.beforeEach = AnnotationSupport.findAnnotatedMethods(type, BeforeEach.class,
                    HierarchyTraversalMode.TOP_DOWN);
            this.afterEach = AnnotationSupport.findAnnotatedMethods(type, AfterEach.class,
                    HierarchyTraversalMode.BOTTOM_UP);
        }
    }

    /** A call that may throw anything, as extension callbacks and test methods do. */
    @FunctionalInterface
    private interface Step {
        void run() throws Throwable;
    }

    FreshInstanceRound(ExtensionContext context) {
        this.test = context;
        this.extensions = RoundExtensions.of(context);
        this.testMethod = context.getRequiredTestMethod();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            levels.add(new Level(instance.getClass()));
        }
        this.postProcessors = extensions.get(TestInstancePostProcessor.class);
        this.beforeEachCallbacks = extensions.get(BeforeEachCallback.class);
        this.beforeTestCallbacks = extensions.get(BeforeTestExecutionCallback.class);
        this.afterTestCallbacks = extensions.reversed(AfterTestExecutionCallback.class);
        this.afterEachCallbacks = extensions.reversed(AfterEachCallback.class);
        this.preDestroyCallbacks = extensions.reversed(TestInstancePreDestroyCallback.class);
        this.testExceptionHandlers = extensions.get(TestExecutionExceptionHandler.class);
        this.lifecycleExceptionHandlers = extensions.get(LifecycleMethodExecutionExceptionHandler.class);
    }

    @Override
    public void run() throws Throwable {
        RoundContext round = new RoundContext(test, extensions);
        ExtensionContext context = round.context();
        ExecutableInvoker invoker = round.invoker();
        Object[] instances = new Object[levels.size()];
        try {
            for (int i = 0; i < levels.size(); i++) {
                Constructor<?> constructor = levels.get(i).constructor;
                instances[i] = i == 0 ? invoker.invoke(constructor) : invoker.invoke(constructor, instances[i - 1]);
            }
            round.instances(Arrays.asList(instances));
            for (Object instance : instances) {
                for (TestInstancePostProcessor processor : postProcessors) {
                    processor.postProcessTestInstance(instance, context);
                }
            }
        } catch (Throwable thrown) {
            round.failed(thrown);
            round.close();
            throw round.failure();
        }
        runAroundTest(round, invoker, instances);
        for (TestInstancePreDestroyCallback callback : preDestroyCallbacks) {
            attempt(round, () -> callback.preDestroyTestInstance(context));
        }
        round.close();
        if (round.failure() != null) {
            throw round.failure();
        }
    }

    /** JUnit's order, with its rule: a step runs only when nothing before it failed; an after-step always does. */
    private void runAroundTest(RoundContext round, ExecutableInvoker invoker, Object[] instances) {
        ExtensionContext context = round.context();
        for (BeforeEachCallback callback : beforeEachCallbacks) {
            if (!attempt(round, () -> callback.beforeEach(context))) {
                break;
            }
        }
        if (round.failure() == null) {
            int readyLevels = 0;
            for (int i = 0; i < levels.size() && round.failure() == null; i++) {
                readyLevels = i + 1;
                for (Method method : levels.get(i).beforeEach) {
                    Object instance = instances[i];
                    if (!attempt(round, () -> lifecycle(context, true, () -> invoker.invoke(method, instance)))) {
                        break;
                    }
                }
            }
            if (round.failure() == null) {
                for (BeforeTestExecutionCallback callback : beforeTestCallbacks) {
                    if (!attempt(round, () -> callback.beforeTestExecution(context))) {
                        break;
                    }
                }
                if (round.failure() == null) {
                    Object target = instances[instances.length - 1];
                    attempt(round, () -> testBody(context, () -> invoker.invoke(testMethod, target)));
                }
                for (AfterTestExecutionCallback callback : afterTestCallbacks) {
                    attempt(round, () -> callback.afterTestExecution(context));
                }
            }
            // Like JUnit: the @AfterEach methods of every level whose @BeforeEach methods started still run.
            for (int i = readyLevels - 1; i >= 0; i--) {
                for (Method method : levels.get(i).afterEach) {
                    Object instance = instances[i];
                    attempt(round, () -> lifecycle(context, false, () -> invoker.invoke(method, instance)));
                }
            }
        }
        for (AfterEachCallback callback : afterEachCallbacks) {
            attempt(round, () -> callback.afterEach(context));
        }
    }

    /** Runs a step; its failure becomes the round's. Returns whether it passed. */
    private static boolean attempt(RoundContext round, Step step) {
        try {
            step.run();
            return true;
        } catch (Throwable thrown) {
            round.failed(thrown);
            return false;
        }
    }

    /** The test method, its exception offered to the registered handlers in turn, as JUnit does. */
    private void testBody(ExtensionContext context, Step body) throws Throwable {
        try {
            body.run();
        } catch (Throwable thrown) {
            Throwable pending = thrown;
            for (TestExecutionExceptionHandler handler : testExceptionHandlers) {
                try {
                    handler.handleTestExecutionException(context, pending);
                    return;
                } catch (Throwable rethrown) {
                    pending = rethrown;
                }
            }
            throw pending;
        }
    }

    private void lifecycle(ExtensionContext context, boolean before, Step body) throws Throwable {
        try {
            body.run();
        } catch (Throwable thrown) {
            Throwable pending = thrown;
            for (LifecycleMethodExecutionExceptionHandler handler : lifecycleExceptionHandlers) {
                try {
                    if (before) {
                        handler.handleBeforeEachMethodExecutionException(context, pending);
                    } else {
                        handler.handleAfterEachMethodExecutionException(context, pending);
                    }
                    return;
                } catch (Throwable rethrown) {
                    pending = rethrown;
                }
            }
            throw pending;
        }
    }
}
