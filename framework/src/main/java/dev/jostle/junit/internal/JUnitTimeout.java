package dev.jostle.junit.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit timeout a jostled test runs under: its {@code @Timeout} (on the method, else its class or an
 * enclosing one), else JUnit's configured default. JUnit's {@code TimeoutExtension} wraps the invocation of the
 * test method, the one call the timeout was written for, so a test under one runs its rounds after that
 * invocation (see {@link JostledExtension}), or JUnit would interrupt the rounds and fail a test none of whose
 * rounds failed.
 */
final class JUnitTimeout {

    private static final String[] DEFAULTS = {"junit.jupiter.execution.timeout.test.method.default",
            "junit.jupiter.execution.timeout.testable.method.default", "junit.jupiter.execution.timeout.default"};
    /** JUnit's grammar for timeout parameters: a number and an optional unit, seconds by default. */
    private static final Pattern PARAMETER = Pattern.compile("\\s*(\\d+)\\s*(ns|μs|ms|s|m|h|d)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private JUnitTimeout() {
    }

    static Optional<Duration> of(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Optional<Timeout> annotation = AnnotationSupport.findAnnotation(method, Timeout.class);
        for (Class<?> type = context.getRequiredTestClass(); annotation.isEmpty() && type != null;
                type = type.getEnclosingClass()) {
            annotation = AnnotationSupport.findAnnotation(type, Timeout.class);
        }
        if (annotation.isPresent()) {
            return Optional.of(Duration.ofNanos(annotation.get().unit().toNanos(annotation.get().value())));
        }
        for (String key : DEFAULTS) {
            Optional<Duration> configured = context.getConfigurationParameter(key).flatMap(JUnitTimeout::parse);
            if (configured.isPresent()) {
                return configured;
            }
        }
        return Optional.empty();
    }

    static Optional<Duration> parse(String value) {
        Matcher matcher = PARAMETER.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty(); // JUnit reports its own bad parameter
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        TimeUnit timeUnit;
        switch (unit) {
            case "ns":
                timeUnit = TimeUnit.NANOSECONDS;
                break;
            case "μs":
                timeUnit = TimeUnit.MICROSECONDS;
                break;
            case "ms":
                timeUnit = TimeUnit.MILLISECONDS;
                break;
            case "m":
                timeUnit = TimeUnit.MINUTES;
                break;
            case "h":
                timeUnit = TimeUnit.HOURS;
                break;
            case "d":
                timeUnit = TimeUnit.DAYS;
                break;
            default:
                timeUnit = TimeUnit.SECONDS;
        }
        return Optional.of(Duration.ofNanos(timeUnit.toNanos(amount)));
    }
}
