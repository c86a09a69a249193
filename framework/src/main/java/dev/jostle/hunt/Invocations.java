package dev.jostle.hunt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls into the program's classes whatever their access (JUnit 5 tests are often package-private). Through
 * method handles, not {@code Method.invoke}: a failure's stack then ends in the program's frames and
 * {@code java.lang.invoke}, which the report cuts, with no reflection frames in between.
 */
final class Invocations {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Invocations() {
    }

    /** The class's constructor without arguments, checked before any round runs. */
    static Constructor<?> noArgConstructor(Class<?> type, String purpose) throws UsageException {
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new UsageException("class " + type.getName() + " is abstract: no instance to " + purpose);
        }
        try {
            return type.getDeclaredConstructor();
        } catch (NoSuchMethodException | LinkageError none) {
            throw new UsageException("class " + type.getName() + " has no constructor without arguments to make"
                    + " an instance to " + purpose);
        }
    }

    /** A fresh instance made with the constructor without arguments; the constructor's own failure is thrown. */
    static Object newInstance(Class<?> type) throws Throwable {
        Constructor<?> constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        return LOOKUP.unreflectConstructor(constructor).invoke();
    }

    /** Calls a method without arguments, static or on the instance; its own failure is thrown as it is. */
    static void call(Method method, Object instance) throws Throwable {
        method.setAccessible(true);
        MethodHandle handle = LOOKUP.unreflect(method);
        if (Modifier.isStatic(method.getModifiers())) {
            handle.invoke();
        } else {
            handle.invoke(instance);
        }
    }

    /** "(int, String)": a method's parameter types, for a message. */
    static String parameters(Method method) {
        StringBuilder text = new StringBuilder("(");
        for (Class<?> type : method.getParameterTypes()) {
            text.append(text.length() > 1 ? ", " : "").append(type.getSimpleName());
        }
        return text.append(')').toString();
    }
}
