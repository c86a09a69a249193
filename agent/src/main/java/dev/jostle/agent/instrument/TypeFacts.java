package dev.jostle.agent.instrument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Answers what the instrumentation must know about other classes (is a field final, volatile; is a type
 * a {@code Thread}; which types a type extends and which methods it has) from the {@link TypePool} Byte
 * Buddy hands over, without loading any class. Answers are cached for the transformation of one class;
 * answers about {@code java.*} types, which only the JDK can define, are cached for good. A type that
 * cannot be resolved (a missing dependency) yields the safe default: a plain, non-final field, not a
 * thread, no supertypes and no methods beyond those that could be resolved.
 */
final class TypeFacts {

    /** What matters about a field access. */
    enum FieldKind {
        PLAIN, VOLATILE, FINAL
    }

    /** Deep enough for any real hierarchy; guards against cycles in broken class files. */
    private static final int MAX_DEPTH = 64;
    /** More supertypes than any real type has; guards against broken class files. */
    private static final int MAX_TYPES = 512;

    private final TypePool pool;
    private final Map<String, FieldKind> fields = new HashMap<>();
    /** Supertypes that depend on a type that could not be resolved: good for this transformation only. */
    private final Map<String, Set<String>> partialSupertypes = new HashMap<>();
    /** Supertypes of the class loader's types, shared by all its transformations (a type's never change). */
    private final Map<String, Set<String>> loaderSupertypes;

    /** Supertypes of JDK types, and the methods of JDK types: the same for every class loader. */
    private static final Map<String, Set<String>> JDK_SUPERTYPES = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> JDK_METHODS = new ConcurrentHashMap<>();

    /**
     * @param loaderSupertypes where answers about the supertypes of the defining loader's types are kept
     *     across transformations (thread-safe); answers about JDK types are kept for all loaders
     */
    TypeFacts(TypePool pool, Map<String, Set<String>> loaderSupertypes) {
        this.pool = pool;
        this.loaderSupertypes = loaderSupertypes;
    }

    /** Facts for code rewritten without a type pool: every type beyond its own name is unresolvable. */
    static TypeFacts unresolved() {
        return new TypeFacts(TypePool.Empty.INSTANCE, new ConcurrentHashMap<>());
    }

    /** The kind of field {@code name} as the JVM resolves it from {@code owner} (internal name). */
    FieldKind field(String owner, String name) {
        return fields.computeIfAbsent(owner + '.' + name, key -> resolveField(owner, name));
    }

    /** Whether {@code owner} (internal name) is {@code java.lang.Thread} or a subclass of it. */
    boolean isThread(String owner) {
        return "java/lang/Thread".equals(owner) || supertypes(owner).contains("java/lang/Thread");
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

    /**
     * Every proper supertype of {@code type} (internal names): superclasses and superinterfaces, all the
     * way up. A supertype that cannot be resolved is there, but not what lies above it.
     */
    Set<String> supertypes(String type) {
        Map<String, Set<String>> complete = type.startsWith("java/") ? JDK_SUPERTYPES : loaderSupertypes;
        Set<String> known = complete.get(type);
        if (known == null) {
            known = partialSupertypes.get(type);
        }
        if (known != null) {
            return known;
        }
        Resolved resolved = resolveSupertypes(type);
        (resolved.complete ? complete : partialSupertypes).put(type, resolved.value);
        return resolved.value;
    }

    /**
     * The methods (name followed by descriptor) that a {@code java.*} type declares or inherits, other
     * than {@code java.lang.Object}'s: what a call naming this type as owner may reach in it. Private
     * methods, constructors and abstract methods of classes are left out: the last are hooks a subclass
     * fills in ({@code RecursiveTask.compute}), whose code is the subclass's own. Empty for other types.
     */
    Set<String> jdkMethods(String type) {
        if (!type.startsWith("java/")) {
            return Set.of();
        }
        Set<String> known = JDK_METHODS.get(type);
        if (known != null) {
            return known;
        }
        Set<String> methods = new HashSet<>();
        boolean complete = collectDeclared(type, methods);
        for (String supertype : supertypes(type)) {
            if (!"java/lang/Object".equals(supertype)) {
                complete &= collectDeclared(supertype, methods);
            }
        }
        Set<String> result = Set.copyOf(methods);
        if (complete && JDK_SUPERTYPES.containsKey(type)) {
            JDK_METHODS.put(type, result);
        }
        return result;
    }

    private boolean collectDeclared(String type, Set<String> into) {
        try {
            TypePool.Resolution resolution = pool.describe(type.replace('/', '.'));
            if (!resolution.isResolved()) {
                return false;
            }
            TypeDescription description = resolution.resolve();
            boolean isInterface = description.isInterface();
            for (MethodDescription.InDefinedShape method : description.getDeclaredMethods()) {
                if (method.isPrivate() || method.isConstructor() || method.isTypeInitializer()
                        || (method.isAbstract() && !isInterface)) {
                    continue;
                }
                into.add(method.getInternalName() + method.getDescriptor());
            }
            return true;
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }

    /** A walk up the hierarchy; supertypes of {@code java.*} types come from (and go to) the shared cache. */
    private Resolved resolveSupertypes(String type) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(type);
        boolean complete = true;
        while (!pending.isEmpty() && found.size() < MAX_TYPES) {
            String next = pending.poll();
            if (!next.equals(type) && next.startsWith("java/") && !type.startsWith("java/")) {
                found.addAll(supertypes(next)); // the shared cache answers after the first class that asks
                continue;
            }
            List<String> direct = directSupertypes(next);
            if (direct == null) {
                complete = false;
                continue;
            }
            for (String supertype : direct) {
                if (found.add(supertype)) {
                    pending.add(supertype);
                }
            }
        }
        return new Resolved(Set.copyOf(found), complete && pending.isEmpty());
    }

    /** The superclass and interfaces a type names, or null when its class file cannot be found or read. */
    private List<String> directSupertypes(String type) {
        try {
            TypePool.Resolution resolution = pool.describe(type.replace('/', '.'));
            if (!resolution.isResolved()) {
                return null;
            }
            TypeDescription description = resolution.resolve();
            List<String> direct = new ArrayList<>();
            TypeDescription.Generic superClass = description.getSuperClass();
            if (superClass != null) {
                direct.add(superClass.asErasure().getInternalName());
            }
            for (TypeDescription.Generic anInterface : description.getInterfaces()) {
                direct.add(anInterface.asErasure().getInternalName());
            }
            return direct;
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    /** An answer, and whether every type it depends on could be resolved (only then is it shared). */
    private static final class Resolved {
        final Set<String> value;
        final boolean complete;

        Resolved(Set<String> value, boolean complete) {
            this.value = value;
            this.complete = complete;
        }
    }
}
