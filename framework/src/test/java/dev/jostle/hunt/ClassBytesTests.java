package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.desugar.LambdaDesugaring;
import dev.jostle.programs.fixtures.Passes;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What a round's loader is handed: the program's class files, with their lambdas desugared. */
class ClassBytesTests {

    private static final String PASSES_LAMBDA = Passes.class.getName() + LambdaDesugaring.NAME_MARK + "1";

    @Test
    void classWithLambdas_get_isDesugaredAndItsLambdaClassesAreHandedOutByName() throws Exception {
        try (ClassBytes bytes = new ClassBytes(classPath(), true)) {
            ClassBytes.Entry passes = bytes.get(Passes.class.getName());
            ClassBytes.Entry lambda = bytes.get(PASSES_LAMBDA);

            assertNotNull(lambda, "Passes has two method references: two lambda classes");
            assertNotNull(bytes.get(Passes.class.getName() + LambdaDesugaring.NAME_MARK + "2"));
            assertNull(bytes.get(Passes.class.getName() + LambdaDesugaring.NAME_MARK + "3"));
            assertEquals(2, LambdaDesugaring.metafactoryCallSites(onDisk(Passes.class)));
            assertEquals(0, LambdaDesugaring.metafactoryCallSites(passes.bytes));
            assertSame(passes.domain, lambda.domain, "a lambda class comes from where its host came from");
        }
    }

    @Test
    void desugaringOff_get_handsOutTheClassFileAsWritten() throws Exception {
        try (ClassBytes bytes = new ClassBytes(classPath(), false)) {
            assertArrayEquals(onDisk(Passes.class), bytes.get(Passes.class.getName()).bytes);
            assertNull(bytes.get(PASSES_LAMBDA));
        }
    }

    @Test
    void twoRoundLoaders_runTheDesugaredProgram_eachWithLambdaClassesOfItsOwn() throws Throwable {
        try (ClassBytes bytes = new ClassBytes(classPath(), true)) {
            ClassLoader first = new RoundClassLoader(bytes, true);
            ClassLoader second = new RoundClassLoader(bytes, true);

            runMain(first);
            runMain(second);

            Class<?> inFirst = first.loadClass(PASSES_LAMBDA);
            Class<?> inSecond = second.loadClass(PASSES_LAMBDA);
            assertSame(first, inFirst.getClassLoader());
            assertNotSame(inFirst, inSecond, "a round's lambda classes start fresh with the round");
            assertTrue(Runnable.class.isAssignableFrom(inFirst));
            assertTrue(inFirst.isSynthetic());
        }
    }

    @Test
    void nonCapturingLambda_inARound_isOneInstanceAsWithTheMetafactory() throws Throwable {
        try (ClassBytes bytes = new ClassBytes(classPath(), true)) {
            ClassLoader loader = new RoundClassLoader(bytes, true);
            Class<?> type = loader.loadClass(Suppliers.class.getName());
            Object a = MethodHandles.publicLookup().findStatic(type, "constant", MethodType.methodType(Supplier.class))
                    .invoke();
            Object b = MethodHandles.publicLookup().findStatic(type, "constant", MethodType.methodType(Supplier.class))
                    .invoke();

            assertSame(a, b);
            assertEquals("constant", ((Supplier<?>) a).get());
            assertTrue(a.getClass().getName().contains(LambdaDesugaring.NAME_MARK), a.getClass().getName());
        }
    }

    @Test
    void programClosesAChildLoaderOverTheSameJar_whileClassesAreRead_everyClassIsStillRead() throws Exception {
        // A program that reads a resource through a URLClassLoader of its own and closes that loader (as
        // try-with-resources does) closes the JVM-wide cached JarFile of the jar: classes must not be read
        // through that cache, or another round loading a class at that moment finds none.
        Path jar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames = classesIn(jar);
        String resource = classNames.get(0).replace('.', '/') + ".class";
        try (ClassBytes bytes = new ClassBytes(new URL[] {jar.toUri().toURL()}, false)) {
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread program = new Thread(() -> {
                while (reading.get()) {
                    try (URLClassLoader own = new URLClassLoader(new URL[0], new RoundClassLoader(bytes, true));
                            InputStream in = own.getResourceAsStream(resource)) {
                        in.readAllBytes();
                    } catch (Exception | LinkageError programsOwnTrouble) {
                        // The JDK's cache is shared with this thread alone once hunt no longer reads through it.
                    }
                }
            });
            program.start();
            List<String> unread = new ArrayList<>();
            try {
                for (String name : classNames) {
                    try {
                        if (bytes.get(name) == null) {
                            unread.add(name + " (not found)");
                        }
                    } catch (RuntimeException unreadable) {
                        unread.add(name + " (" + unreadable + ")");
                    }
                }
            } finally {
                reading.set(false);
                program.join();
            }
            assertEquals(List.of(), unread, "of " + classNames.size() + " classes in " + jar);
        }
    }

    private static List<String> classesIn(Path jar) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.contains("-"))
                    .forEach(name -> names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
        assertTrue(names.size() > 50, "a jar with many classes: " + jar);
        return names;
    }

    /** A program class with a non-capturing lambda; public, as hunt loads it by name. */
    public static final class Suppliers {
        private Suppliers() {
        }

        public static Supplier<String> constant() {
            return () -> "constant";
        }
    }

    private static void runMain(ClassLoader loader) throws Throwable {
        Class<?> main = Class.forName(Passes.class.getName(), true, loader);
        MethodHandles.publicLookup().findStatic(main, "main", MethodType.methodType(void.class, String[].class))
                .invoke(new String[0]);
    }

    private static URL[] classPath() throws Exception {
        return new URL[] {Path.of(TestPrograms.classPath()).toUri().toURL()};
    }

    private static byte[] onDisk(Class<?> type) throws Exception {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
