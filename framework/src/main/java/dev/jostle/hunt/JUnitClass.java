package dev.jostle.hunt;

import dev.jostle.agent.bootstrap.RoundExit;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A class's JUnit 4 or JUnit 5 test methods and the lifecycle methods around them, found by annotation name
 * (see {@link JUnitAnnotation}), and one test run as JUnit would run it, without JUnit's engine: runners,
 * rules and extensions are not applied. A round loads the class afresh, so its "all" methods
 * ({@code @BeforeClass}, {@code @BeforeAll}, ...) run around every test, once per round.
 */
final class JUnitClass {

    private final Class<?> type;
    /** By name: the order rounds take them in. */
    private final Map<String, Method> tests = new TreeMap<>();
    private final List<Method> beforeAll;
    private final List<Method> beforeEach;
    private final List<Method> afterEach;
    private final List<Method> afterAll;

    private JUnitClass(Class<?> type) {
        this.type = type;
        List<List<Method>> levels = new ArrayList<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            List<Method> declared = new ArrayList<>();
            for (Method method : level.getDeclaredMethods()) {
                if (method.isSynthetic() || !overridden.add(signature(method))) {
                    continue;
                }
                declared.add(method);
            }
            declared.sort(Comparator.comparing(Method::getName));
            levels.add(declared);
        }
        Collections.reverse(levels); // superclass first, as JUnit runs befores
        List<Method> all = new ArrayList<>();
        levels.forEach(all::addAll);
        for (Method method : all) {
            if (JUnitAnnotation.TEST.on(method) && !JUnitAnnotation.SKIPPED.on(method)
                    && !Modifier.isStatic(method.getModifiers()) && !Modifier.isPrivate(method.getModifiers())) {
                tests.put(method.getName(), method);
            }
        }
        beforeAll = annotated(all, JUnitAnnotation.BEFORE_ALL);
        beforeEach = annotated(all, JUnitAnnotation.BEFORE_EACH);
        afterEach = annotated(all, JUnitAnnotation.AFTER_EACH);
        afterAll = annotated(all, JUnitAnnotation.AFTER_ALL);
        // Afters run the other way round: the subclass's first.
        Collections.reverse(afterEach);
        Collections.reverse(afterAll);
    }

    static JUnitClass of(Class<?> type) {
        return new JUnitClass(type);
    }

    /** A private method is not overridden by one of the same signature in a subclass; others are. */
    private static String signature(Method method) {
        String name = method.getName() + Arrays.toString(method.getParameterTypes());
        return Modifier.isPrivate(method.getModifiers()) ? method.getDeclaringClass().getName() + "." + name : name;
    }

    private static List<Method> annotated(List<Method> methods, JUnitAnnotation annotation) {
        List<Method> found = new ArrayList<>();
        for (Method method : methods) {
            if (annotation.on(method)) {
                found.add(method);
            }
        }
        return found;
    }

    /** The test methods' names, in the order rounds take them. */
    List<String> testNames() {
        return List.copyOf(tests.keySet());
    }

    boolean isTest(String name) {
        return tests.containsKey(name);
    }

    /**
     * Checks, before any round, what would otherwise fail every round: a test or lifecycle method that needs
     * arguments (JUnit 5's injected parameters are not supplied), an instance that cannot be made.
     */
    void check(List<String> names) throws UsageException {
        List<Method> needed = new ArrayList<>();
        names.forEach(name -> needed.add(tests.get(name)));
        needed.addAll(beforeAll);
        needed.addAll(beforeEach);
        needed.addAll(afterEach);
        needed.addAll(afterAll);
        for (Method method : needed) {
            if (method.getParameterCount() > 0) {
                throw new UsageException(type.getName() + "#" + method.getName() + " needs arguments "
                        + Invocations.parameters(method) + ": hunt calls test and lifecycle methods without any");
            }
        }
        Invocations.noArgConstructor(type, "run its tests on");
    }

    /**
     * Runs one test on a fresh instance, with the lifecycle methods around it. The first failure is thrown,
     * later ones (an {@code @After} that fails too) are added to it as suppressed; an exit ends it at once.
     */
    void run(String name) throws Throwable {
        Method test = tests.get(name);
        Throwable failure = null;
        try {
            callEach(statics(beforeAll), null);
            Object instance = Invocations.newInstance(type);
            try {
                callEach(instances(beforeAll), instance);
                callEach(beforeEach, instance);
                callTest(test, instance);
            } catch (RoundExit exit) {
                throw exit;
            } catch (Throwable first) {
                failure = first;
            }
            for (Method after : concat(afterEach, instances(afterAll))) {
                failure = callAfter(after, instance, failure);
            }
        } catch (RoundExit exit) {
            throw exit;
        } catch (Throwable first) {
            failure = failure == null ? first : failure;
        }
        for (Method after : statics(afterAll)) {
            failure = callAfter(after, null, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** JUnit 4's {@code @Test(expected = X.class)}: the test passes only by throwing an X. */
    private static void callTest(Method test, Object instance) throws Throwable {
        Class<?> expected = expected(test);
        try {
            Invocations.call(test, instance);
        } catch (RoundExit exit) {
            throw exit;
        } catch (Throwable thrown) {
            if (expected == null) {
                throw thrown;
            }
            if (expected.isInstance(thrown)) {
                return;
            }
            // JUnit 4's own words, so that a user who knows them recognises the failure.
            throw new AssertionError("Unexpected exception, expected<" + expected.getName() + "> but was<"
                    + thrown.getClass().getName() + ">", thrown);
        }
        if (expected != null) {
            throw new AssertionError("Expected exception: " + expected.getName());
        }
    }

    private static Class<?> expected(Method test) {
        Annotation annotation = JUnitAnnotation.TEST.direct(test);
        if (annotation == null || !annotation.annotationType().getName().equals("org.junit.Test")) {
            return null;
        }
        try {
            Object value = annotation.annotationType().getMethod("expected").invoke(annotation);
            if (value instanceof Class && !((Class<?>) value).getName().equals("org.junit.Test$None")) {
                return (Class<?>) value;
            }
        } catch (ReflectiveOperationException | RuntimeException noSuchAttribute) {
            // not JUnit 4's @Test as we know it: nothing expected
        }
        return null;
    }

    private static Throwable callAfter(Method after, Object instance, Throwable failure) throws Throwable {
        try {
            Invocations.call(after, instance);
        } catch (RoundExit exit) {
            throw exit;
        } catch (Throwable thrown) {
            if (failure == null) {
                return thrown;
            }
            failure.addSuppressed(thrown);
        }
        return failure;
    }

    private static void callEach(List<Method> methods, Object instance) throws Throwable {
        for (Method method : methods) {
            Invocations.call(method, instance);
        }
    }

    /** Static "all" methods: called on the class. Others (JUnit 5's per-class lifecycle) on the instance. */
    private static List<Method> statics(List<Method> methods) {
        List<Method> found = new ArrayList<>();
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers())) {
                found.add(method);
            }
        }
        return found;
    }

    private static List<Method> instances(List<Method> methods) {
        List<Method> found = new ArrayList<>(methods);
        found.removeAll(statics(methods));
        return found;
    }

    private static List<Method> concat(List<Method> first, List<Method> second) {
        List<Method> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
