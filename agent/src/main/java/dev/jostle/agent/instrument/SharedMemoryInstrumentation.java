package dev.jostle.agent.instrument;

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
 */
public enum SharedMemoryInstrumentation implements AsmVisitorWrapper {
    INSTANCE;

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
        TypeFacts facts = new TypeFacts(typePool);
        ClassVisitor instrumenting = new InstrumentingClassVisitor(classVisitor, facts);
        if (!MethodReferenceBridges.forNewClasses()) {
            return instrumenting; // a loaded class being retransformed: no method may be added
        }
        return new MethodReferenceBridges(instrumenting,
                target -> InstrumentingMethodVisitor.isHookedCall(target, facts::isThread));
    }
}
