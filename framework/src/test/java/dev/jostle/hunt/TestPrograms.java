package dev.jostle.hunt;

import dev.jostle.programs.fixtures.Passes;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test programs were compiled to: the class path hunts in tests run them from. */
final class TestPrograms {

    private TestPrograms() {
    }

    static String classPath() {
        return locationOf(Passes.class);
    }

    /** The test programs and the jars their JUnit 4 and JUnit 5 test classes need, as a class path. */
    static String classPathWithJUnit() {
        return String.join(File.pathSeparator, classPath(), locationOf(org.junit.Test.class),
                locationOf(org.hamcrest.Matcher.class), locationOf(org.junit.jupiter.api.Test.class),
                locationOf(org.opentest4j.AssertionFailedError.class), locationOf(org.apiguardian.api.API.class));
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
