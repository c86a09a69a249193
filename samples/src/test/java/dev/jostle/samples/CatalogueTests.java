package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is the whole showcase: every sample class is in it, and every bug has a fix. */
class CatalogueTests {

    private static final Path SOURCES = Path.of("src/main/java/dev/jostle/samples");

    @Test
    void sampleSources_comparedWithTheCatalogue_everyNumberedClassIsListedOnce() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[A-Z]\\w*_\\d\\d_\\w+\\.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = Catalogue.variants().stream().map(Variant::name).collect(Collectors.toList());

        assertEquals(onDisk, new TreeSet<>(listed));
        assertEquals(listed.size(), onDisk.size(), "a variant is listed twice");
    }

    @Test
    void everyBug_inTheCatalogue_hasABrokenVariantAndAFix() {
        Map<String, List<Variant>> byBug = Catalogue.variants().stream()
                .collect(Collectors.groupingBy(Variant::bug));

        byBug.forEach((bug, variants) -> {
            assertTrue(variants.stream().anyMatch(Variant::broken), bug + " has no broken variant");
            assertTrue(variants.stream().anyMatch(v -> !v.broken()), bug + " has no fix");
        });
    }

    @Test
    void everySample_source_opensWithItsStoryAndHowToRunIt() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.getFileName().toString()
                    .matches("[A-Z]\\w*_\\d\\d_\\w+\\.java"))::iterator) {
                String text = Files.readString(file);
                assertTrue(text.startsWith("/*\n"), file + " does not open with its story");
                assertTrue(text.contains("Run just this bug: java -jar samples/target/jostle-samples.jar --only "),
                        file + " does not say how to run it");
                assertTrue(!text.contains("@@RATE@@"), file + " does not state its measured no-noise rate");
            }
        }
    }
}
