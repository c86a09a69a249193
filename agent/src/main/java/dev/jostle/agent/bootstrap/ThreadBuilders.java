package dev.jostle.agent.bootstrap;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * {@code Thread.Builder} (JDK 21), reached through method handles: Jostle is Java 17 bytecode and cannot
 * name it. Initialised at the first call, which only a JDK 21 program can make, so older JDKs never look.
 */
final class ThreadBuilders {

    private static final MethodHandle UNSTARTED;
    private static final MethodHandle OF_VIRTUAL;

    static {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            UNSTARTED = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
                    .asType(MethodType.methodType(Thread.class, Object.class, Runnable.class));
            OF_VIRTUAL = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual))
                    .asType(MethodType.methodType(Object.class));
        } catch (ReflectiveOperationException notJdk21) {
            throw new ExceptionInInitializerError(notJdk21);
        }
    }

    private ThreadBuilders() {
    }

    /** {@code builder.unstarted(task)}, with the builder's own exceptions (a null task, say). */
    static Thread unstarted(Object builder, Runnable task) {
        try {
            return (Thread) UNSTARTED.invokeExact(builder, task);
        } catch (Throwable thrown) {
            throw ThreadBuilders.<RuntimeException>rethrow(thrown);
        }
    }

    /** {@code Thread.ofVirtual().unstarted(task)}. */
    static Thread unstartedVirtual(Runnable task) {
        Object builder;
        try {
            builder = (Object) OF_VIRTUAL.invokeExact();
        } catch (Throwable thrown) {
            throw ThreadBuilders.<RuntimeException>rethrow(thrown);
        }
        return unstarted(builder, task);
    }

    /** Throws any throwable unchecked, as the call the hook replaces would have. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
