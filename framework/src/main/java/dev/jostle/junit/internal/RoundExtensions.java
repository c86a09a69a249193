package dev.jostle.junit.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.ExecutableInvoker;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.TestInstanceFactory;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The extensions registered for a jostled test, so that each round can apply them to its own instances.
 *
 * <p>JUnit has no public API that lists them. Its {@link ExtensionContext#getExecutableInvoker()} is JUnit's
 * {@code DefaultExecutableInvoker}, which holds the test's {@code ExtensionRegistry}: this class reads that
 * field, asks the registry ({@code getExtensions(Class)}, a method of a public interface) for each callback
 * type, and makes each round its own {@code DefaultExecutableInvoker} (public constructor: an extension
 * context and a registry), so that parameters are resolved exactly as JUnit resolves them, but with the
 * round's context. These three members are the same in JUnit 5.14 and 6.1, the versions tested. Whatever cannot be reached this
 * way fails the test at once, with a message that says what and why: a round without the extensions would
 * run a different test from the one written.
 */
final class RoundExtensions {

    private static final String INVOKER = "org.junit.jupiter.engine.execution.DefaultExecutableInvoker";
    private static final String REGISTRY = "org.junit.jupiter.engine.extension.ExtensionRegistry";
    /** JUnit's own extensions: its timeout interceptor wraps the whole run of rounds, as a test's timeout. */
    private static final String JUNIT_ENGINE = "org.junit.jupiter.engine.";

    /** Extension types a round cannot apply to its own instances. */
    private static final List<Class<? extends Extension>> UNSERVED = List.of(TestInstanceFactory.class,
            TestInstancePreConstructCallback.class, InvocationInterceptor.class);

    private final Object registry;
    private final Method getExtensions;
    private final Constructor<?> newInvoker;

    private RoundExtensions(Object registry, Method getExtensions, Constructor<?> newInvoker) {
        this.registry = registry;
        this.getExtensions = getExtensions;
        this.newInvoker = newInvoker;
    }

    /**
     * Reaches the registry of the test that {@code context} belongs to.
     *
     * @throws ExtensionConfigurationException when the registry cannot be reached, or an extension is
     *         registered that no round could apply (naming it)
     */
    static RoundExtensions of(ExtensionContext context) {
        ExecutableInvoker invoker = context.getExecutableInvoker();
        RoundExtensions extensions;
        try {
            Class<?> invokerType = invoker.getClass();
            if (!INVOKER.equals(invokerType.getName())) {
                throw new IllegalStateException("the extension context's invoker is a " + invokerType.getName());
            }
            Class<?> registryType = Class.forName(REGISTRY, false, invokerType.getClassLoader());
            Field field = invokerType.getDeclaredField("extensionRegistry");
            field.setAccessible(true);
            extensions = new RoundExtensions(field.get(invoker), registryType.getMethod("getExtensions", Class.class),
                    invokerType.getConstructor(ExtensionContext.class, registryType));
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            throw new ExtensionConfigurationException("@Jostled: cannot reach JUnit's extension registry (" + unreachable
                    + "), so the extensions registered for this test could not act on each round's own instance."
                    + " Run the tests on the class path (as Surefire does by default), or open JUnit's engine to"
                    + " Jostle: --add-opens org.junit.jupiter.engine/org.junit.jupiter.engine.execution=ALL-UNNAMED"
                    + " --add-exports org.junit.jupiter.engine/org.junit.jupiter.engine.extension=ALL-UNNAMED",
                    unreachable);
        }
        extensions.refuseUnserved();
        return extensions;
    }

    private void refuseUnserved() {
        for (Class<? extends Extension> type : UNSERVED) {
            for (Extension extension : get(type)) {
                if (!extension.getClass().getName().startsWith(JUNIT_ENGINE)) {
                    throw new ExtensionConfigurationException("@Jostled: the extension "
                            + extension.getClass().getName() + " is a " + type.getSimpleName() + ", which Jostle cannot"
                            + " apply to each round's own test instance; jostle this test without it, or keep it"
                            + " a plain @Test");
                }
            }
        }
    }

    /** The registered extensions of a type, in registration order, Jostle's own left out. */
    <E extends Extension> List<E> get(Class<E> type) {
        List<?> all;
        try {
            all = (List<?>) getExtensions.invoke(registry, type);
        } catch (IllegalAccessException | InvocationTargetException failure) {
            throw new ExtensionConfigurationException("@Jostled: JUnit's extension registry did not list its "
                    + type.getSimpleName() + " extensions: " + failure, failure);
        }
        List<E> others = new ArrayList<>();
        for (Object extension : all) {
            if (!(extension instanceof JostledExtension)) {
                others.add(type.cast(extension));
            }
        }
        return others;
    }

    /** The registered extensions of a type, last registered first, as JUnit calls after-callbacks. */
    <E extends Extension> List<E> reversed(Class<E> type) {
        List<E> extensions = get(type);
        Collections.reverse(extensions);
        return extensions;
    }

    /** An invoker that resolves parameters with {@code roundContext}, through the test's registry. */
    ExecutableInvoker invoker(ExtensionContext roundContext) {
        try {
            return (ExecutableInvoker) newInvoker.newInstance(roundContext, registry);
        } catch (ReflectiveOperationException failure) {
            throw new ExtensionConfigurationException("@Jostled: could not make a parameter resolver for a round"
                    + " from JUnit's " + INVOKER + ": " + failure, failure);
        }
    }
}
