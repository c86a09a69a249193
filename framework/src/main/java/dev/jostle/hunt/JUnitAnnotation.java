package dev.jostle.hunt;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.List;

/**
 * The JUnit 4 and JUnit 5 annotations a hunt of {@code Class#@Test} honours, by name: Jostle needs no JUnit 4
 * on its class path, and the program's classes see their own JUnit, loaded by the round's class loader.
 */
enum JUnitAnnotation {
    TEST("org.junit.Test", "org.junit.jupiter.api.Test"),
    BEFORE_EACH("org.junit.Before", "org.junit.jupiter.api.BeforeEach"),
    AFTER_EACH("org.junit.After", "org.junit.jupiter.api.AfterEach"),
    BEFORE_ALL("org.junit.BeforeClass", "org.junit.jupiter.api.BeforeAll"),
    AFTER_ALL("org.junit.AfterClass", "org.junit.jupiter.api.AfterAll"),
    SKIPPED("org.junit.Ignore", "org.junit.jupiter.api.Disabled");

    /** How deep a composed annotation (JUnit 5's meta-annotations) is looked into. */
    private static final int META_DEPTH = 3;

    private final List<String> names;

    JUnitAnnotation(String... names) {
        this.names = List.of(names);
    }

    /** Whether the method (or class) carries this annotation, directly or through a composed one. */
    boolean on(AnnotatedElement element) {
        return find(element, META_DEPTH) != null;
    }

    /** The annotation itself, where it is written directly on the element (to read its attributes); or null. */
    Annotation direct(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (names.contains(annotation.annotationType().getName())) {
                return annotation;
            }
        }
        return null;
    }

    private Annotation find(AnnotatedElement element, int depth) {
        Annotation direct = direct(element);
        if (direct != null || depth == 0) {
            return direct;
        }
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            // @Documented, @Retention and the like annotate themselves: nothing of JUnit's in there.
            if (!type.getName().startsWith("java.lang.annotation.") && find(type, depth - 1) != null) {
                return annotation;
            }
        }
        return null;
    }
}
