package dev.jostle.hunt;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * What a round calls in the program's class, loaded afresh for the round: {@code main(String[])}, one method,
 * or one of the class's {@code @Test} methods. Made by {@link #of} once, after the checks that would otherwise
 * fail every round.
 */
abstract class RoundCall {

    /** Calls into the class, loaded and initialised in the round's class loader. */
    abstract void run(Class<?> type, long roundSeed) throws Throwable;

    /** The method a round under this seed calls; null for {@code main}. */
    abstract String methodFor(long roundSeed);

    /**
     * Checks the class (loaded, not initialised) for what {@code main} names and returns the call.
     *
     * @throws UsageException naming what is missing
     */
    static RoundCall of(Class<?> type, ProgramMain main, List<String> args) throws UsageException {
        try {
            return checked(type, main, args);
        } catch (LinkageError missing) {
            // Reflection links the types in the class's method signatures: a JUnit left off the class path.
            throw new UsageException("class " + type.getName() + " cannot be inspected for " + main + ": " + missing
                    + " (is every jar it needs, JUnit's too, on the class path?)", missing);
        }
    }

    private static RoundCall checked(Class<?> type, ProgramMain main, List<String> args) throws UsageException {
        if (main.isMain()) {
            return Main.of(type, args);
        }
        JUnitClass tests = JUnitClass.of(type);
        if (main.isTests()) {
            List<String> names = tests.testNames();
            if (names.isEmpty()) {
                throw new UsageException("class " + type.getName() + " has no @Test methods (JUnit 4's org.junit.Test"
                        + " or JUnit 5's org.junit.jupiter.api.Test; is JUnit on the class path?)");
            }
            tests.check(names);
            return new Tests(names);
        }
        if (tests.isTest(main.method())) {
            tests.check(List.of(main.method()));
            return new Tests(List.of(main.method()));
        }
        return Plain.of(type, main.method());
    }

    /** {@code public static void main(String[])}, as {@code java} runs it. */
    private static final class Main extends RoundCall {
        private static final MethodType MAIN = MethodType.methodType(void.class, String[].class);

        private final String[] args;

        private Main(String[] args) {
            this.args = args;
        }

        static Main of(Class<?> type, List<String> args) throws UsageException {
            Method main;
            try {
                main = type.getMethod("main", String[].class); // public, possibly inherited, as java accepts it
            } catch (NoSuchMethodException | LinkageError none) {
                throw new UsageException(noMain(type));
            }
            if (!Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class
                    || !Modifier.isPublic(type.getModifiers())) {
                throw new UsageException(noMain(type));
            }
            return new Main(args.toArray(new String[0]));
        }

        private static String noMain(Class<?> type) {
            return "class " + type.getName() + " has no public static void main(String[])"
                    + " (the class itself must be public, too; or name a method: Class#method, Class#@Test)";
        }

        @Override
        void run(Class<?> type, long roundSeed) throws Throwable {
            MethodHandles.publicLookup().findStatic(type, "main", MAIN).invokeExact(args.clone());
        }

        @Override
        String methodFor(long roundSeed) {
            return null;
        }
    }

    /** {@code Class#method}: a static method, or an instance method on a fresh instance; no arguments. */
    private static final class Plain extends RoundCall {
        private final String name;

        private Plain(String name) {
            this.name = name;
        }

        static Plain of(Class<?> type, String name) throws UsageException {
            Method method = find(type, name);
            if (!Modifier.isStatic(method.getModifiers())) {
                Invocations.noArgConstructor(type, "call " + name + " on");
            }
            return new Plain(name);
        }

        /** The most derived method of that name without arguments, of the class or a superclass. */
        private static Method find(Class<?> type, String name) throws UsageException {
            List<Method> named = new ArrayList<>();
            for (Class<?> level = type; level != null; level = level.getSuperclass()) {
                for (Method method : level.getDeclaredMethods()) {
                    if (method.getName().equals(name) && !method.isSynthetic()) {
                        named.add(method);
                    }
                }
            }
            for (Method method : type.getMethods()) { // interfaces' static and default methods
                if (method.getName().equals(name)) {
                    named.add(method);
                }
            }
            for (Method method : named) {
                if (method.getParameterCount() == 0) {
                    return method;
                }
            }
            if (named.isEmpty()) {
                throw new UsageException("class " + type.getName() + " has no method " + name);
            }
            throw new UsageException(type.getName() + "#" + name + " needs arguments "
                    + Invocations.parameters(named.get(0)) + ": hunt calls a method without arguments");
        }

        @Override
        void run(Class<?> type, long roundSeed) throws Throwable {
            Method method = find(type, name);
            Object instance = Modifier.isStatic(method.getModifiers()) ? null : Invocations.newInstance(type);
            Invocations.call(method, instance);
        }

        @Override
        String methodFor(long roundSeed) {
            return name;
        }
    }

    /**
     * {@code @Test} methods, one a round. The round's seed picks it, the methods in name order: consecutive
     * rounds (seeds {@code base + i}) take them in turn, and a seed always runs the same method, so the
     * hunt's replays of a seed (and its observation round) run the method that failed.
     */
    private static final class Tests extends RoundCall {
        private final List<String> names;

        private Tests(List<String> names) {
            this.names = List.copyOf(names);
        }

        @Override
        void run(Class<?> type, long roundSeed) throws Throwable {
            JUnitClass.of(type).run(methodFor(roundSeed));
        }

        @Override
        String methodFor(long roundSeed) {
            return names.get((int) Math.floorMod(roundSeed, (long) names.size()));
        }
    }
}
