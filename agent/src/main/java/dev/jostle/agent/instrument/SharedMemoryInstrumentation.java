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
 * visitor sees. It adds no member, so retransformation of loaded classes stays possible.
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
        return new InstrumentingClassVisitor(classVisitor, new TypeFacts(typePool));
    }
}
