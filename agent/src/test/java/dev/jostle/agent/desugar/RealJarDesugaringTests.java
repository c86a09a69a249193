package dev.jostle.agent.desugar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.jostle.fixtures.Lambdas;
import java.io.File;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.apache.commons.lang3.StringUtils;
import org.junit.jupiter.api.Test;

/**
 * Desugars every class of real, widely used jars, defines the results and every lambda class made child-first
 * in one loader, and forces the JVM to link and verify each one. Linking does not resolve the calls a lambda
 * class makes, so each is then resolved as the JVM would resolve it from that class (with its access); and
 * Jackson and Guava code that goes through lambdas is run from desugared copies.
 */
class RealJarDesugaringTests {

    /** What one jar gave. */
    private static final class Outcome {
        int classes;
        int rewritten;
        int metafactorySites;
        int desugaredSites;
        int lambdaClasses;
        int linked;
        int unresolvable;
        int callsResolved;
        int callsUnresolvable;
        final List<String> failures = new ArrayList<>();

        @Override
        public String toString() {
            return classes + " classes, " + rewritten + " rewritten, " + desugaredSites + " of "
                    + metafactorySites + " lambda call sites desugared, " + lambdaClasses + " lambda classes made, "
                    + linked + " classes linked and verified, " + unresolvable + " with missing dependencies, "
                    + callsResolved + " lambda class calls resolved (" + callsUnresolvable
                    + " to missing dependencies), " + failures.size() + " failures";
        }
    }

    @Test
    void guava_everyDesugaredClassAndLambdaClassVerifies() throws Exception {
        // guava 33.8.0-jre: 425 of 429 call sites desugared; 3 are in interfaces, and one is a
        // reference to a private constructor.
        assertClean("guava", ImmutableList.class, 400);
    }

    @Test
    void commonsLang_everyDesugaredClassAndLambdaClassVerifies() throws Exception {
        // commons-lang3 3.22.0: 318 of 473 call sites desugared; 83 are in interfaces (its
        // Failable* types' default methods), and 72 are serializable lambdas.
        assertClean("commons-lang3", StringUtils.class, 300);
    }

    @Test
    void jacksonDatabind_everyDesugaredClassAndLambdaClassVerifies() throws Exception {
        // jackson-databind 2.22.4: all of its 9 call sites desugared.
        assertClean("jackson-databind", ObjectMapper.class, 9);
    }

    @Test
    void desugaredJacksonAndGuava_runCorrectly_throughTheirLambdaClasses() throws Exception {
        Set<String> owned = new HashSet<>();
        List<URL> urls = new ArrayList<>();
        for (Class<?> anchor : List.of(ObjectMapper.class, ImmutableList.class)) {
            File jar = jarOf(anchor);
            urls.add(jar.toURI().toURL());
            owned.addAll(classesIn(jar));
        }
        DesugaringClassLoader loader = new DesugaringClassLoader(urls.toArray(new URL[0]), owned::contains);

        Map<String, Object> document = new TreeMap<>(Map.of("name", "jostle", "rounds", List.of(1, 2, 3)));
        Class<?> mapperType = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", true, loader);
        Object mapper = mapperType.getConstructor().newInstance();
        String json = (String) mapperType.getMethod("writeValueAsString", Object.class).invoke(mapper, document);
        Object back = mapperType.getMethod("readValue", String.class, Class.class).invoke(mapper, json, Map.class);
        assertEquals("{\"name\":\"jostle\",\"rounds\":[1,2,3]}", json);
        assertEquals(document, new TreeMap<>((Map<?, ?>) back));
        assertSame(loader, mapperType.getClassLoader(), "jackson must have run from the desugared copy");

        // Guava's collectors, transforming views and comparators are lambdas and method references.
        Class<?> immutableList = Class.forName("com.google.common.collect.ImmutableList", true, loader);
        List<?> copied = (List<?>) immutableList.getMethod("copyOf", java.util.Collection.class)
                .invoke(null, List.of(3, 1, 2));
        Collector<Object, ?, ?> toImmutableList = collector(immutableList, "toImmutableList");
        Object mapped = copied.stream().map(n -> "#" + n).collect(toImmutableList);
        assertEquals(List.of("#3", "#1", "#2"), mapped);
        assertSame(loader, mapped.getClass().getClassLoader());

        Class<?> comparators = Class.forName("com.google.common.collect.Comparators", true, loader);
        Collector<Object, ?, ?> leastTwo = collector(comparators, "least", 2, Comparator.reverseOrder());
        assertEquals(List.of(5, 4), Stream.of(5, 1, 4, 2).collect(leastTwo));

        Class<?> maps = Class.forName("com.google.common.collect.Maps", true, loader);
        Class<?> guavaFunction = Class.forName("com.google.common.base.Function", false, loader);
        Object toStringFunction = Class.forName("com.google.common.base.Functions", true, loader)
                .getMethod("toStringFunction").invoke(null);
        Map<?, ?> transformed = (Map<?, ?>) maps.getMethod("transformValues", Map.class, guavaFunction)
                .invoke(null, new TreeMap<>(Map.of("a", 1, "b", 2)), toStringFunction);
        assertEquals(Map.of("a", "1", "b", "2"), new TreeMap<>(transformed));

        Class<?> ordering = Class.forName("com.google.common.collect.Ordering", true, loader);
        Object natural = ordering.getMethod("natural").invoke(null);
        Object byLength = ordering.getMethod("onResultOf", guavaFunction).invoke(natural, toStringFunction);
        @SuppressWarnings("unchecked")
        Comparator<Object> lexically = (Comparator<Object>) byLength;
        assertEquals(List.of(10, 9), Stream.of(9, 10).sorted(lexically).collect(Collectors.toList()));
        Collector<Object, ?, ?> toSortedSet = collector(Class.forName("com.google.common.collect.ImmutableSortedSet",
                true, loader), "toImmutableSortedSet", Comparator.naturalOrder());
        assertEquals(List.of(1, 2, 3), new ArrayList<>((java.util.Collection<?>) Stream.of(3, 1, 2, 1)
                .collect(toSortedSet)));

        // Linking alone resolves no call: these classes were defined because the code above called them.
        List<String> defined = loader.lambdaClassesDefined();
        assertTrue(defined.stream().anyMatch(n -> n.startsWith("com.fasterxml.jackson.databind.")), defined.toString());
        System.out.println("real-jar run: the jackson round trip and guava calls defined " + defined.size()
                + " lambda classes: " + defined);
        assertTrue(defined.stream().anyMatch(n -> n.startsWith("com.google.common.collect.CollectCollectors"
                + LambdaDesugaring.NAME_MARK)), defined.toString());
        assertTrue(defined.stream().anyMatch(n -> n.startsWith("com.google.common.collect.Maps"
                + LambdaDesugaring.NAME_MARK)), defined.toString());
        assertTrue(defined.stream().anyMatch(n -> n.startsWith("com.google.common.collect.Comparators"
                + LambdaDesugaring.NAME_MARK)), defined.toString());
    }

    @Test
    void harness_targetWronglyTakenForAccessible_isReportedThoughItLinks() throws Exception {
        // Proves the harness resolves what linking leaves alone: desugaring is shown class files in which the
        // outer class's private methods are public, so it desugars the inner class's references to them.
        String outer = Lambdas.class.getName() + "$Outer";
        Function<String, byte[]> lying = name -> name.equals(outer.replace('.', '/'))
                ? everyMethodPublic(classFile(name)) : null;
        DesugaringClassLoader loader = new DesugaringClassLoader(
                new URL[] {Lambdas.class.getProtectionDomain().getCodeSource().getLocation()},
                name -> name.startsWith(outer), lying);
        link(Class.forName(outer + "$Inner", false, loader));
        Outcome outcome = new Outcome();
        checkLambdaClasses(loader, outcome);
        assertEquals(3, outcome.lambdaClasses, outcome.toString());
        assertEquals(2, outcome.failures.size(), outcome.failures.toString());
        for (String failure : outcome.failures) {
            assertTrue(failure.contains("IllegalAccessException") && failure.contains("Lambdas$Outer.")
                    && failure.contains("ecret()"), failure);
        }
    }

    private static byte[] classFile(String internalName) {
        try (InputStream in = RealJarDesugaringTests.class.getClassLoader()
                .getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] everyMethodPublic(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                int opened = (access & ~(Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED)) | Opcodes.ACC_PUBLIC;
                return super.visitMethod(opened, name, descriptor, signature, exceptions);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A Collector from a static factory of a desugared class; its class and lambdas are the loader's. */
    @SuppressWarnings("unchecked")
    private static Collector<Object, ?, ?> collector(Class<?> owner, String factory, Object... args)
            throws ReflectiveOperationException {
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(factory) && method.getParameterCount() == args.length) {
                return (Collector<Object, ?, ?>) method.invoke(null, args);
            }
        }
        throw new NoSuchMethodException(owner.getName() + "." + factory);
    }

    private static void assertClean(String label, Class<?> anchor, int atLeastDesugared) throws Exception {
        File jar = jarOf(anchor);
        long started = System.nanoTime();
        Outcome outcome = run(jar);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("real-jar desugaring " + label + " (" + jar.getName() + "): " + outcome + " in " + millis
                + " ms");
        assertEquals(List.of(), outcome.failures);
        assertEquals(outcome.classes, outcome.linked + outcome.unresolvable, outcome.toString());
        // Each call site replaced is one lambda class, called from its host and nowhere else.
        assertEquals(outcome.desugaredSites, outcome.lambdaClasses, outcome.toString());
        assertTrue(outcome.desugaredSites >= atLeastDesugared, outcome.toString());
    }

    /** Defines every class of the jar desugared, then every lambda class made, and resolves their calls. */
    private static Outcome run(File jar) throws Exception {
        List<String> names = new ArrayList<>(classesIn(jar));
        Set<String> owned = new HashSet<>(names);
        DesugaringClassLoader loader = new DesugaringClassLoader(new URL[] {jar.toURI().toURL()}, owned::contains);
        Outcome outcome = new Outcome();
        outcome.classes = names.size();
        for (String name : names) {
            try {
                link(Class.forName(name, false, loader));
                outcome.linked++;
            } catch (NoClassDefFoundError | TypeNotPresentException | ClassNotFoundException missing) {
                outcome.unresolvable++; // an optional dependency is not on the test class path
            } catch (LinkageError bug) {
                outcome.failures.add(name + ": " + bug); // VerifyError, ClassFormatError, IncompatibleClassChange...
            }
        }
        try (JarFile file = new JarFile(jar)) {
            for (String name : names) {
                byte[] defined = loader.defined(name);
                if (defined == null) {
                    continue; // its loading failed, and was counted above
                }
                JarEntry entry = file.getJarEntry(name.replace('.', '/') + ".class");
                try (InputStream in = file.getInputStream(entry)) {
                    int original = MetafactoryCalls.of(in.readAllBytes()).total();
                    outcome.metafactorySites += original;
                    outcome.desugaredSites += original - MetafactoryCalls.of(defined).total();
                }
            }
        }
        outcome.rewritten = loader.rewritten();
        checkLambdaClasses(loader, outcome);
        return outcome;
    }

    /** Links every lambda class the loader made and resolves the calls each one makes. */
    private static void checkLambdaClasses(DesugaringClassLoader loader, Outcome outcome) throws Exception {
        Map<String, byte[]> made = loader.lambdaClassesMade();
        outcome.lambdaClasses = made.size();
        for (Map.Entry<String, byte[]> lambdaClass : made.entrySet()) {
            try {
                Class<?> type = Class.forName(lambdaClass.getKey(), false, loader);
                link(type);
                resolveCalls(type, lambdaClass.getValue(), loader, outcome);
            } catch (LinkageError bug) {
                outcome.failures.add(lambdaClass.getKey() + ": " + bug);
            }
        }
    }

    private static void link(Class<?> type) {
        type.getDeclaredMethods(); // links the class: the verifier runs here
        type.getDeclaredConstructors();
        type.getDeclaredFields();
    }

    /**
     * Resolves every method a lambda class calls through a lookup that has the lambda class's own access: what
     * the JVM does at the first call, where a target desugaring wrongly took for accessible would throw an
     * IllegalAccessError, and a wrong owner or descriptor a NoSuchMethodError.
     */
    private static void resolveCalls(Class<?> lambdaClass, byte[] classFile, ClassLoader loader, Outcome outcome) {
        MethodHandles.Lookup asLambdaClass;
        try {
            asLambdaClass = MethodHandles.privateLookupIn(lambdaClass, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            outcome.failures.add(lambdaClass.getName() + ": " + e);
            return;
        }
        String self = lambdaClass.getName().replace('.', '/');
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String type,
                            boolean isInterface) {
                        if (owner.equals(self)) {
                            return;
                        }
                        String call = lambdaClass.getName() + " calls " + owner + "." + method + type;
                        try {
                            Class<?> ownerClass = Class.forName(owner.replace('/', '.'), false, loader);
                            MethodType methodType = MethodType.fromMethodDescriptorString(type, loader);
                            if (opcode == Opcodes.INVOKESTATIC) {
                                asLambdaClass.findStatic(ownerClass, method, methodType);
                            } else if (method.equals("<init>")) {
                                asLambdaClass.findConstructor(ownerClass, methodType);
                            } else if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
                                asLambdaClass.findVirtual(ownerClass, method, methodType);
                            } else {
                                outcome.failures.add(call + ": an invokespecial other than a constructor's");
                                return;
                            }
                            outcome.callsResolved++;
                        } catch (IllegalAccessException e) {
                            // A lookup that is not the class's own original one may not find a caller-sensitive
                            // method (Class::getDeclaredMethods); the JVM's own resolution has no such rule.
                            if (e.getMessage().contains("caller-sensitive")
                                    && isPublicMember(owner, method, type, opcode == Opcodes.INVOKESTATIC, loader)) {
                                outcome.callsResolved++;
                            } else {
                                outcome.failures.add(call + ": " + e);
                            }
                        } catch (ClassNotFoundException | NoClassDefFoundError | TypeNotPresentException missing) {
                            outcome.callsUnresolvable++;
                        } catch (ReflectiveOperationException | LinkageError bug) {
                            outcome.failures.add(call + ": " + bug);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Whether the method is a public member (declared or inherited) of a public class: callable from anywhere. */
    private static boolean isPublicMember(String owner, String name, String descriptor, boolean isStatic,
            ClassLoader loader) {
        try {
            Class<?> ownerClass = Class.forName(owner.replace('/', '.'), false, loader);
            MethodType type = MethodType.fromMethodDescriptorString(descriptor, loader);
            Method method = ownerClass.getMethod(name, type.parameterArray());
            return Modifier.isPublic(ownerClass.getModifiers()) && method.getReturnType() == type.returnType()
                    && Modifier.isStatic(method.getModifiers()) == isStatic;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static File jarOf(Class<?> anchor) throws Exception {
        return new File(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** The binary names of the jar's classes, as the JVM would load them (no module-info, nothing versioned). */
    private static List<String> classesIn(File jar) throws Exception {
        try (JarFile file = new JarFile(jar)) {
            return file.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toList());
        }
    }
}
