package dev.jostle.junit.internal;

import dev.jostle.engine.RoundBody;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * One round of a jostled test, as JUnit would run the test once: fresh instances (the whole chain, for a
 * {@code @Nested} class), the {@code @BeforeEach} methods outermost class first, the test method, and the
 * {@code @AfterEach} methods innermost first, which run even when something before them failed. Constructor
 * and method parameters are resolved by JUnit's {@link ExecutableInvoker}, so {@code TestInfo} and
 * registered parameter resolvers work as usual.
 *
 * <p>Not re-run per round: {@code TestInstancePostProcessor}s and {@code BeforeEachCallback}s of other
 * extensions, which JUnit applies to its own instance only.
 */
final class FreshInstanceRound implements RoundBody {

    private final ExecutableInvoker invoker;
    private final List<Level> levels = new ArrayList<>();
    private final Method testMethod;

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

    FreshInstanceRound(ExtensionContext context) {
        this.invoker = context.getExecutableInvoker();
        this.testMethod = context.getRequiredTestMethod();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            levels.add(new Level(instance.getClass()));
        }
    }

    @Override
    public void run() throws Throwable {
        Object[] instances = new Object[levels.size()];
        Throwable failure = null;
        int readyLevels = 0;
        try {
            for (int i = 0; i < levels.size(); i++) {
                Constructor<?> constructor = levels.get(i).constructor;
                instances[i] = i == 0 ? invoker.invoke(constructor) : invoker.invoke(constructor, instances[i - 1]);
            }
            for (int i = 0; i < levels.size(); i++) {
                readyLevels = i + 1;
                for (Method method : levels.get(i).beforeEach) {
                    invoker.invoke(method, instances[i]);
                }
            }
            invoker.invoke(testMethod, instances[instances.length - 1]);
        } catch (Throwable thrown) {
            failure = thrown;
        }
        // Like JUnit: the @AfterEach methods of every level whose @BeforeEach methods started still run.
        for (int i = readyLevels - 1; i >= 0; i--) {
            for (Method method : levels.get(i).afterEach) {
                try {
                    invoker.invoke(method, instances[i]);
                } catch (Throwable thrown) {
                    if (failure == null) {
                        failure = thrown;
                    } else {
                        failure.addSuppressed(thrown);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
