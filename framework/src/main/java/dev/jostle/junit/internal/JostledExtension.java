package dev.jostle.junit.internal;

import dev.jostle.junit.Jostled;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link Jostled} and {@code jostle.select}: it replaces the one invocation JUnit makes
 * of a jostled {@code @Test} method by the rounds ({@link JostledRounds}), and skips JUnit's own
 * {@code @BeforeEach}/{@code @AfterEach} calls around it, since every round makes its own. The test stays
 * one plain test method to JUnit, so reports and IDEs show it under its own name.
 *
 * <p>A test is jostled when its method carries {@code @Jostled} (directly or as a meta-annotation), or when
 * it is a {@code @Test} method that {@code jostle.select} names ({@link JostleSelection}); the latter needs
 * this extension registered for every test, which JUnit's extension auto-detection does
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}, active with
 * {@code junit.jupiter.extensions.autodetection.enabled=true}). Registered twice (auto-detected and through
 * {@code @Jostled}), the outer instance skips the invocation the inner one would have intercepted, so the
 * rounds run once.
 *
 * <p>A test under a JUnit timeout ({@code @Timeout} or a configured default, see {@link JUnitTimeout}) runs its
 * rounds just after the invocation, in {@link #afterTestExecution}: JUnit's {@code TimeoutExtension} wraps the
 * invocation, so rounds run inside it would be cut short, or failed for taking longer together than the one call
 * the timeout was written for (Commons Pool's tests that take 1.1 s of their {@code @Timeout(1200 ms)}). Each
 * round still runs under Jostle's round timeout, which catches a hang as JUnit's would.
 *
 * <p>The agent is made ready first, before any class of the agent or the round engine is touched (see
 * {@link AgentAttacher} for why the order matters); nothing in this class refers to them.
 */
public final class JostledExtension implements InvocationInterceptor, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            JostledExtension.class);
    private static final String AFTER_THE_INVOCATION = "rounds after the invocation";

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        Optional<Jostled> annotation = jostled(context);
        if (annotation.isEmpty()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        if (JUnitTimeout.of(context).isPresent()) {
            context.getStore(NAMESPACE).put(AFTER_THE_INVOCATION, annotation.get());
            return;
        }
        runRounds(annotation.get(), context);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        // Removed, not read: registered twice, this extension is called twice, and the rounds must run once.
        Jostled annotation = context.getStore(NAMESPACE).remove(AFTER_THE_INVOCATION, Jostled.class);
        if (annotation != null) {
            runRounds(annotation, context);
        }
    }

    private static void runRounds(Jostled annotation, ExtensionContext context) {
        AgentAttacher.ensureAgent(System.out);
        new JostledRounds(JostledConfiguration.resolve(annotation, context)).run(context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        skipIfJostled(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        skipIfJostled(invocation, context);
    }

    private static void skipIfJostled(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        if (jostled(context).isPresent()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    /**
     * The settings a jostled test runs under: its own {@code @Jostled}, or for a selected {@code @Test} method
     * the defaults (every {@code jostle.*} property still applies); empty when the test is not jostled.
     */
    private static Optional<Jostled> jostled(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return Optional.empty();
        }
        Optional<Jostled> annotation = AnnotationSupport.findAnnotation(method.get(), Jostled.class);
        if (annotation.isPresent()) {
            return annotation;
        }
        JostleSelection selection = JostleSelection.of(context);
        if (!selection.isEmpty() && AnnotationSupport.isAnnotated(method.get(), Test.class)
                && selection.matches(context.getRequiredTestClass().getName(), method.get().getName())) {
            return Optional.of(Defaults.JOSTLED);
        }
        return Optional.empty();
    }

    /** An annotation instance with every attribute unset, for tests selected by {@code jostle.select}. */
    private static final class Defaults {
        static final Jostled JOSTLED;

        static {
            try {
                JOSTLED = Defaults.class.getDeclaredMethod("unset").getAnnotation(Jostled.class);
            } catch (NoSuchMethodException impossible) {
                throw new ExceptionInInitializerError(impossible);
            }
        }

        @Jostled
        @SuppressWarnings("unused")
        private static void unset() {
        }
    }
}
