package dev.jostle.agent.desugar;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.fixtures.Hello;
import dev.jostle.fixtures.Lambdas;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Desugars the lambdas of {@link Lambdas} and runs every shape there from the compiled and from the desugared
 * copy. The desugared copy is defined by a child-first loader, so the JVM verifies the rewritten classes and
 * every lambda class made for them: a shape that runs and gives the compiled copy's result proves that the
 * generated code verifies and behaves as LambdaMetafactory's does.
 */
class LambdaDesugaringTests {

    private static final String FIXTURE = Lambdas.class.getName();
    private static final Predicate<String> OWNED = name -> name.equals(FIXTURE) || name.startsWith(FIXTURE + "$");

    /**
     * Shapes whose own call sites define no lambda class while they run: those desugaring leaves to
     * LambdaMetafactory, and the one made in the class initialiser, before the shape runs.
     */
    private static final Set<String> NOTHING_DEFINED_WHILE_RUNNING = Set.of("serializable", "interfaceDefaultMethod",
            "privateConstructorRef", "madeInClassInitializer");

    private final DesugaringClassLoader loader = new DesugaringClassLoader(new URL[] {classesOf(Lambdas.class)},
            OWNED);

    /** Every public static method of the fixture without parameters that returns Object is a shape. */
    static Stream<String> shapes() {
        return Arrays.stream(Lambdas.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 0 && m.getReturnType() == Object.class)
                .map(Method::getName).sorted();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void everyShape_runFromTheDesugaredCopy_givesTheCompiledCopysResult(String shape) throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        int lambdaClassesBefore = loader.lambdaClassesDefined().size();

        Object result = call(desugared, shape);

        assertEquals(call(Lambdas.class, shape), result);
        if (!NOTHING_DEFINED_WHILE_RUNNING.contains(shape)) {
            // The shape's call sites went through desugared classes, not LambdaMetafactory.
            assertTrue(loader.lambdaClassesDefined().size() > lambdaClassesBefore, shape + " defined no lambda class");
        }
    }

    @Test
    void desugaredFixture_keepsMetafactoryCallsOnlyWhereDesugaringLeavesThemAlone() throws Exception {
        Map<String, Integer> remaining = new TreeMap<>();
        int desugaredSites = 0;
        for (String name : loadAllOwned()) {
            MetafactoryCalls original = MetafactoryCalls.of(compiledClassFile(name));
            MetafactoryCalls rewritten = MetafactoryCalls.of(loader.defined(name));
            String simpleName = name.substring(name.lastIndexOf('.') + 1);
            rewritten.byMethod().forEach((method, count) -> remaining.put(simpleName + "." + method, count));
            // One lambda class per call site replaced, each called from exactly one place in its host.
            List<String> called = rewritten.lambdaClassesCalled();
            assertEquals(original.total() - rewritten.total(), called.size(), name);
            assertEquals(called.size(), new TreeSet<>(called).size(), name);
            assertEquals(new TreeSet<>(called), madeFor(name), name);
            desugaredSites += called.size();
        }
        assertEquals(Map.of(
                        // Serializable lambdas, and their re-creation in $deserializeLambda$.
                        "Lambdas.serializable", 2,
                        "Lambdas.serializableRunnable", 1,
                        "Lambdas.$deserializeLambda$", 3,
                        // Lambdas::new with the constructor that is private.
                        "Lambdas.privateConstructorRef", 1,
                        // A lambda in an interface.
                        "Lambdas$Greeter.greet", 1,
                        // Outer.this::secret and Outer::staticSecret: private members of another class.
                        "Lambdas$Outer$Inner.reveal", 2),
                remaining);
        // All but those ten of the fixture's hundred or so.
        assertTrue(desugaredSites > 90, desugaredSites + " call sites desugared");
    }

    @Test
    void everyLambdaClassMade_linksAndVerifies_evenWhenNoShapeRunsIt() throws Exception {
        loadAllOwned();
        Map<String, byte[]> made = loader.lambdaClassesMade();
        for (String name : made.keySet()) {
            Class<?> lambdaClass = Class.forName(name, false, loader);
            lambdaClass.getDeclaredMethods(); // links the class: the verifier runs here
            assertSame(loader, lambdaClass.getClassLoader());
        }
        assertEquals(made.size(), loader.lambdaClassesDefined().size());
    }

    @Test
    void callSiteEvaluatedTwice_givesOneInstanceOnlyWhenItCapturesNothing() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("same=true constant", call(desugared, "nonCapturingSiteTwice"));
        assertEquals("same=false n0n1", call(desugared, "capturingSiteTwice"));
    }

    @Test
    void desugaredLambda_isANamedFinalSyntheticClassOfTheHostsLoaderAndPackage() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        Class<?> lambdaClass = staticField(desugared, "MADE_IN_CLINIT").getClass();
        assertTrue(lambdaClass.getName().startsWith(FIXTURE + LambdaDesugaring.NAME_MARK), lambdaClass.getName());
        assertTrue(lambdaClass.isSynthetic());
        assertTrue(Modifier.isFinal(lambdaClass.getModifiers()));
        assertFalse(lambdaClass.isHidden());
        assertSame(loader, lambdaClass.getClassLoader());
        assertEquals(desugared.getPackageName(), lambdaClass.getPackageName());
        // The compiled copy's comes from LambdaMetafactory: hidden.
        assertTrue(staticField(Lambdas.class, "MADE_IN_CLINIT").getClass().isHidden());
    }

    @Test
    void interfaceWithTwoErasures_desugared_implementsTheMethodAndItsBridge() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        Object sinks = call(desugared, "bothSinks");
        List<String> takes = Arrays.stream(sinks.getClass().getDeclaredMethods())
                .filter(m -> m.getName().equals("take")).map(m -> m.getParameterTypes()[0].getSimpleName() + "->"
                        + m.getReturnType().getSimpleName()).sorted().collect(Collectors.toList());
        assertEquals(List.of("Object->String", "String->String"), takes);
        assertTrue(sinks.getClass().getName().contains(LambdaDesugaring.NAME_MARK));
        Method throughTheBridge = Class.forName(FIXTURE + "$Sink", false, loader).getMethod("take", Object.class);
        throughTheBridge.setAccessible(true);
        assertEquals("took bridge", throughTheBridge.invoke(sinks, "bridge"));
    }

    @Test
    void interfaceMethodNamedAndTypedLikeTheFactory_desugared_doesNotClashWithIt() throws Exception {
        // SelfMaking.create() returns a SelfMaking, as the factory of a lambda class that captures nothing does;
        // Chain.create(String) returns a Chain, as the factory of one that captures a String does. A factory
        // named create would be a second method of the same name and type: a ClassFormatError.
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("true true true", call(desugared, "samShapedLikeAFactory"));
    }

    @Test
    void markerIntersection_desugared_implementsTheMarker() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        Object marked = call(desugared, "markedRunnable");
        assertTrue(Class.forName(FIXTURE + "$Marker", false, loader).isInstance(marked));
        assertTrue(marked instanceof Runnable);
        assertTrue(marked.getClass().getName().contains(LambdaDesugaring.NAME_MARK));
    }

    @Test
    void serializableLambda_isLeftToTheMetafactory_andStillRoundTrips() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("serialized! serialized! true", call(desugared, "serializable"));
        assertTrue(call(desugared, "serializableRunnable").getClass().isHidden());
    }

    @Test
    void lambdaInAnInterfaceDefaultMethod_isLeftAlone_andStillRuns() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("hello you from an interface", call(desugared, "interfaceDefaultMethod"));
        String greeter = FIXTURE + "$Greeter";
        assertArrayEquals(compiledClassFile(greeter), loader.defined(greeter));
    }

    @Test
    void privateConstructorReference_isLeftAlone_andStillRuns() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("made privately", call(desugared, "privateConstructorRef"));
    }

    @Test
    void serializableHostWithoutAVersion_desugaredWithAccessors_keepsItsDefaultSerialVersionUid() throws Exception {
        for (String host : List.of(FIXTURE + "$Saved", FIXTURE + "$Saved$Nested")) {
            Class<?> desugared = Class.forName(host, false, loader);
            assertTrue(Arrays.stream(desugared.getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("jostle$")),
                    host + " has an accessor, which alone would change the default serialVersionUID");
            assertEquals(ObjectStreamClass.lookup(Class.forName(host)).getSerialVersionUID(),
                    ObjectStreamClass.lookup(desugared).getSerialVersionUID(), host);
        }
    }

    @Test
    void hostWithItsOwnVersion_orNotSerializable_getsNoSerialVersionUidField() throws Exception {
        Class<?> own = Class.forName(FIXTURE + "$SavedWithItsOwnVersion", false, loader);
        assertEquals(42L, ObjectStreamClass.lookup(own).getSerialVersionUID());
        Class<?> notSaved = Class.forName(FIXTURE + "$NotSaved", false, loader);
        assertTrue(Arrays.stream(notSaved.getDeclaredMethods()).anyMatch(m -> m.getName().startsWith("jostle$")));
        assertTrue(Arrays.stream(notSaved.getDeclaredFields()).noneMatch(f -> f.getName().equals("serialVersionUID")));
    }

    @Test
    void lambdaOfABaseClass_calledOnASubclassInstance_runsTheBaseClassBody() throws Exception {
        // Base and Derived each have a private lambda$description$0. Had desugaring made it callable from
        // the lambda class and virtual, Base's lambda would run Derived's body on a Derived.
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("base body on derived / derived body on derived / base body on base",
                call(desugared, "overrideHazard"));
        for (String host : List.of(FIXTURE + "$Base", FIXTURE + "$Derived")) {
            assertEquals(0, MetafactoryCalls.of(loader.defined(host)).total(), host);
            List<Method> accessors = Arrays.stream(Class.forName(host, false, loader).getDeclaredMethods())
                    .filter(m -> m.getName().startsWith("jostle$lambda$")).collect(Collectors.toList());
            assertFalse(accessors.isEmpty(), host);
            accessors.forEach(m -> assertTrue(Modifier.isStatic(m.getModifiers()), m.toString()));
        }
    }

    @Test
    void innerClassLambda_callingItsOuterClassesPrivates_runs() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        assertEquals("secret of outer via a lambda, secret of outer, static secret",
                call(desugared, "nestmatePrivateAccess"));
        // The lambda's body is the inner class's own (it reaches the outer class as a nestmate): desugared.
        String inner = FIXTURE + "$Outer$Inner";
        assertEquals(1, MetafactoryCalls.of(loader.defined(inner)).lambdaClassesCalled().size());
    }

    @Test
    void exceptionInsideADesugaredLambda_propagatesWithTheBodysFrame() throws Exception {
        Class<?> desugared = Class.forName(FIXTURE, true, loader);
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> call(desugared, "throwFromLambda"));
        assertEquals("thrown inside a lambda", thrown.getMessage());
        assertBodyThenCaller(thrown.getStackTrace());
        // The lambda class's frames (its run, the host's accessor) show; LambdaMetafactory's class is hidden.
        List<String> between = Arrays.stream(thrown.getStackTrace()).skip(1).takeWhile(f -> !isCaller(f))
                .map(f -> f.getClassName() + "." + f.getMethodName()).collect(Collectors.toList());
        assertTrue(between.stream().anyMatch(f -> f.startsWith(FIXTURE + LambdaDesugaring.NAME_MARK)
                && f.endsWith(".run")), between.toString());
        // The compiled copy's trace has the same body and caller frames.
        assertBodyThenCaller(assertThrows(IllegalStateException.class, () -> call(Lambdas.class, "throwFromLambda"))
                .getStackTrace());
    }

    private static void assertBodyThenCaller(StackTraceElement[] frames) {
        StackTraceElement body = frames[0];
        assertEquals(FIXTURE, body.getClassName());
        assertTrue(body.getMethodName().startsWith("lambda$throwFromLambda$"), body.toString());
        assertEquals(line("Lambdas", "throw-in-lambda"), body.getLineNumber());
        StackTraceElement caller = Arrays.stream(frames).filter(LambdaDesugaringTests::isCaller).findFirst()
                .orElseThrow(() -> new AssertionError("no caller frame in " + Arrays.toString(frames)));
        assertEquals(line("Lambdas", "run-throwing-lambda"), caller.getLineNumber());
    }

    private static boolean isCaller(StackTraceElement frame) {
        return frame.getClassName().equals(FIXTURE) && frame.getMethodName().equals("throwFromLambda");
    }

    @Test
    void garbage_comesBackUnchanged_withNoLambdaClasses() throws Exception {
        byte[] lambdas = compiledClassFile(FIXTURE);
        List<byte[]> garbage = List.of(new byte[0], new byte[] {1, 2, 3},
                "not a class at all".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0},
                // Names LambdaMetafactory, so it is parsed, and ends in the middle of the class.
                Arrays.copyOf(lambdas, lambdas.length / 2));
        LambdaDesugaring desugaring = new LambdaDesugaring(name -> null);
        for (byte[] bytes : garbage) {
            LambdaDesugaring.Result result = desugaring.desugar(bytes);
            assertSame(bytes, result.classFile());
            assertEquals(Map.of(), result.lambdaClasses());
        }
    }

    @Test
    void classWithoutLambdas_comesBackUnchanged_withNoLambdaClasses() throws Exception {
        LambdaDesugaring desugaring = new LambdaDesugaring(name -> null);
        for (String name : List.of(Hello.class.getName(), FIXTURE + "$Marker", FIXTURE + "$Outer")) {
            byte[] bytes = compiledClassFile(name);
            LambdaDesugaring.Result result = desugaring.desugar(bytes);
            assertSame(bytes, result.classFile(), name);
            assertEquals(Map.of(), result.lambdaClasses(), name);
        }
    }

    @Test
    void desugaredClass_desugaredAgain_comesBackUnchanged() throws Exception {
        LambdaDesugaring.Result once = new LambdaDesugaring(name -> null).desugar(compiledClassFile(FIXTURE));
        assertNotEquals(0, once.lambdaClasses().size());
        // Only the sites left alone keep their invokedynamic, and they are left alone again.
        LambdaDesugaring.Result twice = new LambdaDesugaring(name -> null).desugar(once.classFile());
        assertSame(once.classFile(), twice.classFile());
        assertEquals(Map.of(), twice.lambdaClasses());
    }

    @Test
    void classFilesThatCannotBeRead_leaveOtherClassesTargetsAlone_andEveryShapeStillRuns() throws Exception {
        DesugaringClassLoader blind = new DesugaringClassLoader(new URL[] {classesOf(Lambdas.class)}, OWNED,
                name -> {
                    throw new IllegalStateException("no class file for " + name);
                });
        Class<?> desugared = Class.forName(FIXTURE, true, blind);
        List<String> shapes = shapes().collect(Collectors.toList());
        for (String shape : shapes) {
            assertEquals(call(Lambdas.class, shape), call(desugared, shape), shape);
        }
        Map<String, Integer> remaining = MetafactoryCalls.of(blind.defined(FIXTURE)).byMethod();
        // Integer::parseInt, Math::max: the JDK's class files could not be read, so their access is unproven.
        assertEquals(3, remaining.get("staticMethodRef"));
        // The host's own lambda bodies need no class file but the host's.
        assertFalse(remaining.containsKey("nonCapturing"));
        assertFalse(remaining.containsKey("privateStaticRef"));
    }

    /** Loads every class the loader owns, desugaring each, and returns their names. */
    private List<String> loadAllOwned() throws ClassNotFoundException {
        List<String> names = new ArrayList<>();
        collect(Lambdas.class, names);
        for (String name : names) {
            Class.forName(name, false, loader);
        }
        return names;
    }

    private static void collect(Class<?> type, List<String> into) {
        into.add(type.getName());
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, into);
        }
    }

    private Set<String> madeFor(String host) {
        return loader.lambdaClassesMade().keySet().stream()
                .filter(n -> n.startsWith(host + LambdaDesugaring.NAME_MARK))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Object staticField(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(null);
    }

    private static byte[] compiledClassFile(String name) {
        try (InputStream in = LambdaDesugaringTests.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL classesOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
