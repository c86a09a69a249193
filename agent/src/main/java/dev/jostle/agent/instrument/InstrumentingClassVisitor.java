package dev.jostle.agent.instrument;

import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/** Remembers what the method visitors need about their class: its name, version and source file. */
final class InstrumentingClassVisitor extends ClassVisitor {

    private final TypeFacts facts;
    private String internalName;
    private String className;
    private int version;
    private String sourceFile;

    InstrumentingClassVisitor(ClassVisitor next, TypeFacts facts) {
        super(OpenedClassReader.ASM_API, next);
        this.facts = facts;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        this.version = version;
        this.internalName = name;
        this.className = name.replace('/', '.');
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        int monitorLocal = SynchronizedMethodEntries.monitorLocal(access, name, descriptor);
        boolean monitorInCode = monitorLocal != SynchronizedMethodEntries.FLAG_KEPT;
        int written = monitorInCode ? access & ~Opcodes.ACC_SYNCHRONIZED : access;
        MethodVisitor next = super.visitMethod(written, name, descriptor, signature, exceptions);
        if (next == null) {
            return null;
        }
        if (monitorInCode && (access & Opcodes.ACC_STATIC) != 0) {
            next = new ClassInFreshLocal(next, monitorLocal, descriptor);
        }
        return new InstrumentingMethodVisitor(next, this, access, name, descriptor, monitorLocal);
    }

    TypeFacts facts() {
        return facts;
    }

    String internalName() {
        return internalName;
    }

    String className() {
        return className;
    }

    int version() {
        return version;
    }

    String sourceFile() {
        return sourceFile;
    }
}
