package dev.jostle.agent.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
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
    private String superName;
    private String[] interfaces;
    /** A synchronized method lost its flag: the default serialVersionUID changed with it. */
    private boolean flagRemoved;

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
        this.superName = superName;
        this.interfaces = interfaces == null ? new String[0] : interfaces;
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
        flagRemoved |= monitorInCode;
        MethodVisitor next = super.visitMethod(written, name, descriptor, signature, exceptions);
        if (next == null) {
            return null;
        }
        if (monitorInCode && (access & Opcodes.ACC_STATIC) != 0) {
            next = new ClassInFreshLocal(next, monitorLocal, descriptor);
        }
        return new InstrumentingMethodVisitor(next, this, access, name, descriptor, monitorLocal);
    }

    /**
     * Keeps the serialVersionUID the class had as written when a synchronized method lost its flag and the class
     * may be serializable without declaring one: stated as a field, as javac would have it.
     */
    @Override
    public void visitEnd() {
        if (flagRemoved && mayBeSerializable()) {
            Long original = SynchronizedMethodEntries.originalSerialVersion();
            if (original != null) {
                FieldVisitor field = super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL,
                        "serialVersionUID", "J", null, original);
                if (field != null) {
                    field.visitEnd();
                }
            }
        }
        super.visitEnd();
    }

    /** Whether the class implements Serializable, or may (a supertype that cannot be read). */
    private boolean mayBeSerializable() {
        List<String> direct = new ArrayList<>(Arrays.asList(interfaces));
        if (superName != null) {
            direct.add(superName);
        }
        for (String type : direct) {
            if (SERIALIZABLE.equals(type) || facts.supertypes(type).contains(SERIALIZABLE)) {
                return true;
            }
        }
        return false;
    }

    private static final String SERIALIZABLE = "java/io/Serializable";

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
