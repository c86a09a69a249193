package dev.jostle.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import dev.jostle.agent.bootstrap.Hooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/**
 * Instruments every class of real, widely used jars and forces the JVM to verify each one (linking, via
 * {@code getDeclaredMethods}, without running static initialisers). A VerifyError or ClassFormatError is
 * a bug in the instrumentation; a class whose optional dependency is missing is only counted.
 */
class RealJarInstrumentationTests {

    /** What one jar gave. */
    private static final class Outcome {
        int classes;
        int transformed;
        int linked;
        int unresolvable;
        int sites;
        final List<String> failures = new ArrayList<>();
        final List<String> transformErrors = new ArrayList<>();
        final List<String> leftAloneButNotSynthetic = new ArrayList<>();

        @Override
        public String toString() {
            return classes + " classes, " + transformed + " instrumented, " + linked + " linked and verified, "
                    + unresolvable + " with missing dependencies, " + sites + " sites, " + failures.size()
                    + " verify/format failures, " + transformErrors.size() + " transform errors";
        }
    }

    @Test
    void guava_everyClassVerifiesAfterInstrumentation() throws Exception {
        assertClean("guava", ImmutableList.class);
    }

    @Test
    void commonsLang_everyClassVerifiesAfterInstrumentation() throws Exception {
        assertClean("commons-lang3", StringUtils.class);
    }

    @Test
    void jacksonDatabind_everyClassVerifiesAfterInstrumentation() throws Exception {
        assertClean("jackson-databind", ObjectMapper.class);
    }

    @Test
    void kotlinStdlib_everyClassVerifiesAfterInstrumentation() throws Exception {
        // Kotlin is left out by default (Lincheck runs on it); a user who includes it gets kotlinc's bytecode.
        assertClean("kotlin-stdlib", kotlin.Unit.class, "include=kotlin");
    }

    @Test
    void kotlinxCoroutines_everyClassVerifiesAfterInstrumentation() throws Exception {
        assertClean("kotlinx-coroutines-core", kotlinx.coroutines.Job.class, "include=kotlinx,_COROUTINE");
    }

    @Test
    void instrumentedJacksonAndGuava_runCorrectlyUnderAnOpenRound() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(AgentConfig.read(null, new Properties()));
        Set<String> owned = new HashSet<>();
        List<URL> urls = new ArrayList<>();
        for (Class<?> anchor : List.of(ObjectMapper.class, ImmutableList.class)) {
            File jar = jarOf(anchor);
            urls.add(jar.toURI().toURL());
            try (JarFile file = new JarFile(jar)) {
                Collections.list(file.entries()).stream().map(JarEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                        .forEach(n -> owned.add(n.substring(0, n.length() - 6).replace('/', '.')));
            }
        }
        TransformingClassLoader loader = new TransformingClassLoader(urls.toArray(new URL[0]), owned::contains,
                transformer);
        Map<String, Object> document = new TreeMap<>(Map.of("name", "jostle", "rounds", List.of(1, 2, 3)));
        long failuresBefore = Hooks.probeFailures();
        RecordingProbe probe = new RecordingProbe();
        Object[] results = (Object[]) probe.record(() -> {
            Class<?> mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
            Object mapper = mapperType.getConstructor().newInstance();
            String json = (String) mapperType.getMethod("writeValueAsString", Object.class).invoke(mapper, document);
            Object back = mapperType.getMethod("readValue", String.class, Class.class).invoke(mapper, json, Map.class);
            Class<?> lists = Class.forName("com.google.common.collect.Lists", true, loader);
            Object reversed = lists.getMethod("reverse", List.class).invoke(null, List.of(1, 2, 3));
            Class<?> joiner = Class.forName("com.google.common.base.Joiner", true, loader);
            Object commas = joiner.getMethod("on", char.class).invoke(null, ',');
            Object joined = joiner.getMethod("join", Iterable.class).invoke(commas, reversed);
            return new Object[] {json, back, joined, mapperType.getClassLoader()};
        });
        assertEquals("{\"name\":\"jostle\",\"rounds\":[1,2,3]}", results[0]);
        assertEquals(document, new TreeMap<>((Map<?, ?>) results[1]));
        assertEquals("3,2,1", results[2]);
        assertEquals(loader, results[3], "jackson must have run from the instrumented copy");
        assertEquals(failuresBefore, Hooks.probeFailures());
        long fieldAndArrayEvents = probe.lines().stream()
                .filter(l -> l.startsWith("field-") || l.startsWith("array-")).count();
        assertTrue(fieldAndArrayEvents > 100, "instrumented library code reported " + fieldAndArrayEvents);
        System.out.println("real-jar run: jackson round trip and guava calls reported " + probe.lines().size()
                + " events, " + fieldAndArrayEvents + " of them field or array accesses");
    }

    @Test
    void instrumentedKotlinLazy_runsItsSynchronizedBlockOnceAndReportsEnterAndExit() throws Exception {
        ClassFileTransformer transformer = AgentInstaller.transformer(AgentConfig.read("include=kotlin",
                new Properties()));
        File jar = jarOf(kotlin.Unit.class);
        TransformingClassLoader loader = new TransformingClassLoader(new URL[] {jar.toURI().toURL()},
                name -> name.startsWith("kotlin."), transformer);
        Class<?> function0 = Class.forName("kotlin.jvm.functions.Function0", false, loader);
        AtomicInteger computed = new AtomicInteger();
        Object initializer = Proxy.newProxyInstance(loader, new Class<?>[] {function0},
                (proxy, method, args) -> method.getName().equals("invoke") ? "value #" + computed.incrementAndGet()
                        : method.getName().equals("toString") ? "initializer" : null);
        long failuresBefore = Hooks.probeFailures();
        RecordingProbe probe = new RecordingProbe();

        Object[] values = (Object[]) probe.record(() -> {
            // SynchronizedLazyImpl: kotlinc's synchronized(lock) { ... } around the initializer.
            // LazyKt.lazy is declared in a package-private part of the multi-file facade.
            Method lazyOf = Class.forName("kotlin.LazyKt", true, loader).getMethod("lazy", function0);
            lazyOf.setAccessible(true);
            Object lazy = lazyOf.invoke(null, initializer);
            Method getValue = Class.forName("kotlin.Lazy", false, loader).getMethod("getValue");
            return new Object[] {getValue.invoke(lazy), getValue.invoke(lazy), lazy.getClass().getClassLoader()};
        });

        assertEquals("value #1", values[0]);
        assertEquals("value #1", values[1], "computed once");
        assertEquals(loader, values[2], "the lazy must come from the instrumented copy");
        assertEquals(1, computed.get());
        assertEquals(failuresBefore, Hooks.probeFailures());
        List<String> monitors = probe.lines().stream().filter(l -> l.contains("@SynchronizedLazyImpl.getValue")
                && l.startsWith("monitor-")).collect(Collectors.toList());
        assertEquals(2, monitors.size(), "one enter and one exit (the second call reads the value unlocked): "
                + monitors);
        assertTrue(monitors.get(0).startsWith("monitor-enter ") && monitors.get(1).startsWith("monitor-exit "),
                monitors.toString());
    }

    @Test
    void harness_brokenBytecode_isReportedAsAVerifyError() throws Exception {
        // Proves the harness really verifies: a transformer that unbalances the stack must be caught.
        ClassFileTransformer breaking = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined,
                    java.security.ProtectionDomain domain, byte[] bytes) {
                return popAtEveryMethodStart(bytes);
            }
        };
        Outcome outcome = run(jarOf(StringUtils.class), breaking, "org/apache/commons/lang3/StringUtils.class");
        assertEquals(1, outcome.failures.size(), outcome.failures.toString());
        assertTrue(outcome.failures.get(0).contains("VerifyError"), outcome.failures.get(0));
    }

    private static void assertClean(String label, Class<?> anchor) throws Exception {
        assertClean(label, anchor, null);
    }

    /** @param agentArgs as after {@code -javaagent:jostle-agent.jar=}; null for the defaults */
    private static void assertClean(String label, Class<?> anchor, String agentArgs) throws Exception {
        File jar = jarOf(anchor);
        ClassFileTransformer instrumenting = AgentInstaller.transformer(AgentConfig.read(agentArgs, new Properties()));
        List<String> refusedByC1 = Collections.synchronizedList(new ArrayList<>());
        ClassFileTransformer transformer = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String name, Class<?> redefined,
                    java.security.ProtectionDomain domain, byte[] bytes) throws IllegalClassFormatException {
                byte[] instrumented = instrumenting.transform(loader, name, redefined, domain, bytes);
                if (instrumented != null) {
                    HandlerLayout.methodsRefusedByC1(instrumented).forEach(m -> refusedByC1.add(name + "." + m));
                }
                return instrumented;
            }
        };
        long started = System.nanoTime();
        Outcome outcome = run(jar, transformer, null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("real-jar " + label + " (" + jar.getName() + "): " + outcome + " in " + millis + " ms");
        assertEquals(List.of(), outcome.failures);
        assertEquals(List.of(), outcome.transformErrors);
        // Only synthetic classes (package-info, switch maps) are ignored; every other class is instrumented.
        assertEquals(List.of(), outcome.leftAloneButNotSynthetic);
        assertTrue(outcome.sites > outcome.transformed, outcome.toString());
        assertEquals(outcome.classes, outcome.linked + outcome.unresolvable, outcome.toString());
        // A call inside a handler that covers itself makes C1 refuse the whole method (see ReleaseHandlerCopies).
        assertEquals(List.of(), refusedByC1);
    }

    private static File jarOf(Class<?> anchor) throws Exception {
        return new File(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Defines every class of the jar (or only {@code onlyEntry}) child-first through the transformer. */
    private static Outcome run(File jar, ClassFileTransformer transformer, String onlyEntry) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                boolean isClass = entry.endsWith(".class") && !entry.startsWith("META-INF/")
                        && !entry.endsWith("module-info.class");
                if (isClass && (onlyEntry == null || onlyEntry.equals(entry))) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        Set<String> owned = new HashSet<>(names);
        TransformingClassLoader loader = new TransformingClassLoader(new URL[] {jar.toURI().toURL()},
                owned::contains, transformer);
        Outcome outcome = new Outcome();
        outcome.classes = names.size();
        int sitesBefore = Sites.limit();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            for (String name : names) {
                try {
                    Class<?> type = Class.forName(name, false, loader);
                    type.getDeclaredMethods(); // links the class: the verifier runs here
                    type.getDeclaredConstructors();
                    type.getDeclaredFields();
                    outcome.linked++;
                } catch (VerifyError | ClassFormatError bug) {
                    outcome.failures.add(name + ": " + bug);
                } catch (LinkageError | TypeNotPresentException | ClassNotFoundException missing) {
                    outcome.unresolvable++; // an optional dependency is not on the test class path
                }
            }
        } finally {
            System.setErr(originalErr);
        }
        for (String line : errors.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.contains(" is not instrumented: ")) {
                outcome.transformErrors.add(line);
            } else if (!line.isBlank()) {
                originalErr.println(line);
            }
        }
        outcome.transformed = loader.transformed();
        for (String name : loader.untouched()) {
            if (!Class.forName(name, false, loader).isSynthetic()) {
                outcome.leftAloneButNotSynthetic.add(name);
            }
        }
        outcome.sites = Sites.limit() - sitesBefore;
        return outcome;
    }

    private static byte[] popAtEveryMethodStart(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(OpenedClassReader.ASM_API, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(OpenedClassReader.ASM_API,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitCode() {
                        super.visitCode();
                        super.visitInsn(Opcodes.POP);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }
}
