package dev.jostle.hunt;

import dev.jostle.programs.fixtures.Passes;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the test programs were compiled to: the class path hunts in tests run them from. */
final class TestPrograms {

    private TestPrograms() {
    }

    static String classPath() {
        try {
            return Path.of(Passes.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
