package dev.jostle.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Answers what the instrumentation must know about other classes (is a field final, volatile; is a type
 * a {@code Thread}) from the {@link TypePool} Byte Buddy hands over, without loading any class. Answers
 * are cached for the transformation of one class. A type that cannot be resolved (a missing dependency)
 * yields the safe default: a plain, non-final field, not a thread.
 */
final class TypeFacts {

    /** What matters about a field access. */
    enum FieldKind {
        PLAIN, VOLATILE, FINAL
    }

    /** Deep enough for any real hierarchy; guards against cycles in broken class files. */
    private static final int MAX_DEPTH = 64;

    private final TypePool pool;
    private final Map<String, FieldKind> fields = new HashMap<>();
    private final Map<String, Boolean> threads = new HashMap<>();

    TypeFacts(TypePool pool) {
        this.pool = pool;
    }

    /** The kind of field {@code name} as the JVM resolves it from {@code owner} (internal name). */
    FieldKind field(String owner, String name) {
        return fields.computeIfAbsent(owner + '.' + name, key -> resolveField(owner, name));
    }

    /** Whether {@code owner} (internal name) is {@code java.lang.Thread} or a subclass of it. */
    boolean isThread(String owner) {
        if ("java/lang/Thread".equals(owner)) {
            return true;
        }
        return threads.computeIfAbsent(owner, this::resolveThread);
    }

    private FieldKind resolveField(String owner, String name) {
        try {
            TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
            if (!resolution.isResolved()) {
                return FieldKind.PLAIN;
            }
            FieldDescription field = find(resolution.resolve(), name, 0);
            if (field == null) {
                return FieldKind.PLAIN;
            }
            if (field.isFinal()) {
                return FieldKind.FINAL;
            }
            return field.isVolatile() ? FieldKind.VOLATILE : FieldKind.PLAIN;
        } catch (RuntimeException unresolvable) {
            // A supertype is missing from the class path: the access is instrumented as a plain one.
            return FieldKind.PLAIN;
        }
    }

    /** JVMS 5.4.3.2 field resolution order: declared, then superinterfaces, then the superclass. */
    private static FieldDescription find(TypeDefinition type, String name, int depth) {
        if (type == null || depth > MAX_DEPTH) {
            return null;
        }
        FieldList<?> declared = type.getDeclaredFields().filter(named(name));
        if (!declared.isEmpty()) {
            return declared.getOnly();
        }
        for (TypeDefinition anInterface : type.getInterfaces()) {
            FieldDescription found = find(anInterface.asErasure(), name, depth + 1);
            if (found != null) {
                return found;
            }
        }
        TypeDefinition superClass = type.getSuperClass();
        return superClass == null ? null : find(superClass.asErasure(), name, depth + 1);
    }

    private boolean resolveThread(String owner) {
        try {
            TypePool.Resolution resolution = pool.describe(owner.replace('/', '.'));
            if (!resolution.isResolved()) {
                return false;
            }
            TypeDescription type = resolution.resolve();
            for (int depth = 0; type != null && depth < MAX_DEPTH; depth++) {
                if ("java.lang.Thread".equals(type.getName())) {
                    return true;
                }
                TypeDescription.Generic superClass = type.getSuperClass();
                type = superClass == null ? null : superClass.asErasure();
            }
            return false;
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }
}
