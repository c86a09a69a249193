package dev.jostle.junit.internal;

import dev.jostle.junit.Jostled;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** The single invocation of a jostled test; its name says the budget it runs under. */
final class JostledInvocationContext implements TestTemplateInvocationContext {

    private final JostledConfiguration configuration;

    private JostledInvocationContext(JostledConfiguration configuration) {
        this.configuration = configuration;
    }

    static Stream<TestTemplateInvocationContext> of(Jostled annotation, ExtensionContext context) {
        return Stream.of(new JostledInvocationContext(JostledConfiguration.resolve(annotation, context)));
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "jostled";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new JostledRounds(configuration));
    }
}
