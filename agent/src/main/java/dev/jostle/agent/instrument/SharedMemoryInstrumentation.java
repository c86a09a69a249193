package dev.jostle.agent.instrument;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/**
 * The one Byte Buddy visitor wrapper Jostle applies: it routes every method body through an
 * {@link InstrumentingMethodVisitor}. A class-level wrapper (rather than
 * {@code AsmVisitorWrapper.ForDeclaredMethods}) because sites name the source file, which only the class
 * visitor sees. For a class being defined it adds the bridges of {@link MethodReferenceBridges}; to a loaded
 * class being retransformed it adds no member, as the JVM would refuse the new shape.
 *
 * <p>One instance per class loader: what {@link TypeFacts} learns about the loader's types (their
 * supertypes, which every call site's owner needs) is kept for the loader's next class, not parsed again.
 */
public final class SharedMemoryInstrumentation implements AsmVisitorWrapper {

    /** Weak keys: a loader that is gone (a hunt round's) takes its answers with it. */
    private static final Map<ClassLoader, SharedMemoryInstrumentation> BY_LOADER =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Set<String>> supertypes = new ConcurrentHashMap<>();

    private SharedMemoryInstrumentation() {
    }

    /** The instrumentation of classes defined by {@code loader} (null: the bootstrap loader). */
    public static SharedMemoryInstrumentation forLoader(ClassLoader loader) {
        if (loader == null) {
            return new SharedMemoryInstrumentation();
        }
        return BY_LOADER.computeIfAbsent(loader, any -> new SharedMemoryInstrumentation());
    }

    @Override
    public int mergeWriter(int flags) {
        return flags; // maxStack is raised by hand, frames are untouched: nothing to compute
    }

    @Override
    public int mergeReader(int flags) {
        return flags; // keep debug information: sites report source file and line
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods, int writerFlags,
            int readerFlags) {
        TypeFacts facts = new TypeFacts(typePool, supertypes);
        ClassVisitor instrumenting = new InstrumentingClassVisitor(classVisitor, facts);
        if (!MethodReferenceBridges.forNewClasses()) {
            return instrumenting; // a loaded class being retransformed: no method may be added
        }
        return new MethodReferenceBridges(instrumenting,
                target -> HookedCalls.isHooked(target, facts));
    }
}
