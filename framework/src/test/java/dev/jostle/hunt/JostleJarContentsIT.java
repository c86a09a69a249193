package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What {@code framework/target/jostle.jar} ships: Jostle's own classes, with its dependencies relocated inside. */
class JostleJarContentsIT {

    /**
     * Byte Buddy's agent looks its Windows attach libraries up by these paths, which relocation cannot
     * rename; they are resources, not classes.
     */
    private static final List<String> NATIVE_ATTACH_LIBRARIES = List.of("win32-aarch64/attach_hotspot_windows.dll",
            "win32-x86/attach_hotspot_windows.dll", "win32-x86-64/attach_hotspot_windows.dll");

    @Test
    void jar_holdsOnlyJostlesClassesTheRelocatedLibrariesAndTheirServiceFiles() throws Exception {
        try (JarFile jar = new JarFile(JostleJar.jar().toFile())) {
            List<String> strays = Collections.list(jar.entries()).stream().map(JarEntry::getName)
                    .filter(name -> !name.endsWith("/"))
                    .filter(name -> !name.startsWith("dev/jostle/") || name.startsWith("dev/jostle/bench/")
                            || name.startsWith("dev/jostle/demo/"))
                    .filter(name -> !name.equals("META-INF/MANIFEST.MF") && !name.startsWith("META-INF/services/")
                            && !name.startsWith("META-INF/licenses/"))
                    .filter(name -> !NATIVE_ATTACH_LIBRARIES.contains(name))
                    .toList();
            assertEquals(List.of(), strays);
        }
    }

    @Test
    void jar_carriesItsCommandLineLibraryRelocated() throws Exception {
        try (JarFile jar = new JarFile(JostleJar.jar().toFile())) {
            assertNotNull(jar.getEntry("dev/jostle/shaded/picocli/CommandLine.class"),
                    "picocli, relocated: java -jar jostle.jar reads its words with it and must not meet a user's");
            assertNotNull(jar.getEntry("dev/jostle/shaded/gson/Gson.class"), "Gson, relocated: hunt --json");
        }
    }
}
