package dev.jostle.junit.internal;

import dev.jostle.junit.Jostled;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link Jostled}: one invocation per test (so the report shows one entry however
 * many rounds ran), whose {@link JostledRounds} interceptor runs the rounds.
 *
 * <p>The agent is made ready first, before any class of the agent or the round engine is touched (see
 * {@link AgentAttacher} for why the order matters).
 */
public final class JostledExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(JostledExtension::annotation).isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        AgentAttacher.ensureAgent(System.out);
        Method method = context.getRequiredTestMethod();
        return JostledInvocationContext.of(annotation(method), context);
    }

    private static Jostled annotation(Method method) {
        return AnnotationSupport.findAnnotation(method, Jostled.class).orElse(null);
    }
}
