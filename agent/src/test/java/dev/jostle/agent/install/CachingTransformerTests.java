package dev.jostle.agent.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.instrument.Fixtures;
import dev.jostle.agent.instrument.RecordingProbe;
import dev.jostle.agent.instrument.TransformingClassLoader;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CachingTransformerTests {

    private static byte[] classFile(String name) throws Exception {
        try (InputStream in = CachingTransformerTests.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static AgentConfig everything() {
        return AgentConfig.read(null, new Properties());
    }

    @Test
    void sameClassFileTwice_secondIsACacheHitWithTheSameSites() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(everything());
        byte[] original = classFile("dev.jostle.fixtures.Fields");
        ClassLoader first = new ClassLoader() { };
        ClassLoader second = new ClassLoader() { };

        byte[] instrumented = transformer.transform(first, "dev/jostle/fixtures/Fields", null, null, original);
        int sitesAfterFirst = Sites.limit();
        byte[] again = transformer.transform(second, "dev/jostle/fixtures/Fields", null, null, original.clone());

        assertNotNull(instrumented);
        assertSame(instrumented, again);
        assertEquals(sitesAfterFirst, Sites.limit(), "a cache hit registers no site");
        InstrumentedClassCache cache = ((CachingTransformer) transformer).cache();
        assertEquals(1, cache.hits());
        assertEquals(1, cache.size());
    }

    @Test
    void moduleEntryPoint_sharesTheCacheWithTheLoaderEntryPoint() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(everything());
        byte[] original = classFile("dev.jostle.fixtures.Fields");
        ClassLoader loader = new ClassLoader() { };
        Module module = loader.getUnnamedModule();

        byte[] instrumented = transformer.transform(module, loader, "dev/jostle/fixtures/Fields", null, null,
                original);
        byte[] again = transformer.transform(new ClassLoader() { }, "dev/jostle/fixtures/Fields", null, null,
                original.clone());

        assertNotNull(instrumented);
        assertSame(instrumented, again);
        assertEquals(1, ((CachingTransformer) transformer).cache().hits());
    }

    @Test
    void freshClassLoaderPerRound_sharesSiteIdsAcrossRounds() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(everything());
        URL classes = Fixtures.class.getProtectionDomain().getCodeSource().getLocation();
        String[] rounds = new String[2];
        for (int round = 0; round < 2; round++) {
            TransformingClassLoader loader = new TransformingClassLoader(new URL[] {classes},
                    name -> name.startsWith(Fixtures.PACKAGE), transformer);
            Object fields = Class.forName("dev.jostle.fixtures.Fields", true, loader).getConstructor().newInstance();
            RecordingProbe probe = new RecordingProbe().name(fields, "f");
            probe.record(() -> Fixtures.call(fields, "readPlain"));
            rounds[round] = String.join("\n", probe.lines());
            assertEquals(1, loader.transformed());
        }
        assertEquals(rounds[0], rounds[1]);
    }

    @Test
    void excludedClass_isLeftAloneAndNotCached() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jostle.exclude", "dev.jostle.fixtures");
        ClassFileTransformer transformer = AgentInstaller.transformer(AgentConfig.read(null, properties));
        byte[] original = classFile("dev.jostle.fixtures.Fields");
        assertNull(transformer.transform(new ClassLoader() { }, "dev/jostle/fixtures/Fields", null, null, original));
        assertEquals(0, ((CachingTransformer) transformer).cache().size());
    }

    @Test
    void bootstrapLoaderClass_isLeftAlone() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(everything());
        byte[] original = classFile("dev.jostle.fixtures.Fields");
        assertNull(transformer.transform(null, "dev/jostle/fixtures/Fields", null, null, original));
    }

    @Test
    void cache_differentBytesUnderOneName_areDifferentEntries() {
        InstrumentedClassCache cache = new InstrumentedClassCache(10);
        byte[] a = {1, 2, 3};
        byte[] b = {1, 2, 4};
        cache.putIfAbsent("x/Y", a, new byte[] {9});
        assertNull(cache.get("x/Y", b));
        assertArrayEquals(new byte[] {9}, cache.get("x/Y", a.clone()));
        assertNull(cache.get("x/Z", a));
    }

    @Test
    void cache_putIfAbsent_keepsTheFirstSoEveryLoaderSeesOneSetOfSites() {
        InstrumentedClassCache cache = new InstrumentedClassCache(10);
        byte[] original = {7, 7};
        byte[] first = {1};
        assertSame(first, cache.putIfAbsent("x/Y", original, first));
        assertSame(first, cache.putIfAbsent("x/Y", original, new byte[] {2}));
    }

    @Test
    void cache_overCapacity_dropsTheLeastRecentlyUsed() {
        InstrumentedClassCache cache = new InstrumentedClassCache(2);
        byte[] original = {0};
        cache.putIfAbsent("a/A", original, new byte[] {1});
        cache.putIfAbsent("b/B", original, new byte[] {2});
        assertNotNull(cache.get("a/A", original)); // a is now the most recently used
        cache.putIfAbsent("c/C", original, new byte[] {3});
        assertEquals(2, cache.size());
        assertNull(cache.get("b/B", original));
        assertNotNull(cache.get("a/A", original));
        assertNotNull(cache.get("c/C", original));
    }
}
