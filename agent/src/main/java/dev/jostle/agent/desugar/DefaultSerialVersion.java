package dev.jostle.agent.desugar;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The {@code serialVersionUID} a class file gets by default (the Java Object Serialization Specification,
 * section 4.6, as {@code ObjectStreamClass} computes it), read from the class file as written. The accessors
 * desugaring adds to a host are non-private methods, which that computation counts: a serializable class
 * without an explicit {@code serialVersionUID} would otherwise change its identity in the stream, and a
 * program would fail to read what an ordinary JVM wrote. The same holds for the synchronized methods whose
 * flag the instrumentation removes ({@code SynchronizedMethodEntries}): the flag counts too.
 */
public final class DefaultSerialVersion {

    private static final int CLASS_MODIFIERS = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE
            | Opcodes.ACC_ABSTRACT;
    private static final int FIELD_MODIFIERS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_TRANSIENT;
    private static final int METHOD_MODIFIERS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
            | Opcodes.ACC_ABSTRACT | Opcodes.ACC_STRICT;

    private record Member(String name, int access, String descriptor) {
    }

    private DefaultSerialVersion() {
    }

    /** The default serialVersionUID of the class file, or null when it declares one (or is an enum or record). */
    public static Long of(byte[] classFile) {
        Reader read = new Reader();
        new ClassReader(classFile).accept(read, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (read.declared || read.enumOrRecord) {
            return null; // enums and records are identified by name alone, and a declared one stays as it is
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(read.name.replace('/', '.'));
            // Class.getModifiers() reads a nested class's flags from its InnerClasses entry, as here.
            int modifiers = read.access & CLASS_MODIFIERS;
            if ((modifiers & Opcodes.ACC_INTERFACE) != 0 && read.methods.isEmpty()) {
                modifiers &= ~Opcodes.ACC_ABSTRACT; // as ObjectStreamClass: an interface without methods
            }
            out.writeInt(modifiers);
            String[] interfaces = read.interfaces.clone();
            Arrays.sort(interfaces);
            for (String type : interfaces) {
                out.writeUTF(type.replace('/', '.'));
            }
            read.fields.sort(Comparator.comparing(Member::name));
            for (Member field : read.fields) {
                int mods = field.access & FIELD_MODIFIERS;
                boolean privateStatic = (mods & Opcodes.ACC_PRIVATE) != 0 && (mods & Opcodes.ACC_STATIC) != 0;
                boolean privateTransient = (mods & Opcodes.ACC_PRIVATE) != 0 && (mods & Opcodes.ACC_TRANSIENT) != 0;
                if (!privateStatic && !privateTransient) {
                    out.writeUTF(field.name);
                    out.writeInt(mods);
                    out.writeUTF(field.descriptor);
                }
            }
            if (read.hasStaticInitializer) {
                out.writeUTF("<clinit>");
                out.writeInt(Opcodes.ACC_STATIC);
                out.writeUTF("()V");
            }
            writeNonPrivate(out, read.constructors, Comparator.comparing(Member::descriptor));
            writeNonPrivate(out, read.methods, Comparator.comparing(Member::name).thenComparing(Member::descriptor));
            out.flush();
            byte[] sha = MessageDigest.getInstance("SHA").digest(bytes.toByteArray());
            long hash = 0;
            for (int i = Math.min(sha.length, 8) - 1; i >= 0; i--) {
                hash = (hash << 8) | (sha[i] & 0xFF);
            }
            return hash;
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void writeNonPrivate(DataOutputStream out, List<Member> members, Comparator<Member> order)
            throws IOException {
        members.sort(order);
        for (Member member : members) {
            int mods = member.access & METHOD_MODIFIERS;
            if ((mods & Opcodes.ACC_PRIVATE) == 0) {
                out.writeUTF(member.name);
                out.writeInt(mods);
                out.writeUTF(member.descriptor.replace('/', '.'));
            }
        }
    }

    /** Collects what the computation reads. */
    private static final class Reader extends ClassVisitor {
        String name;
        int access;
        String[] interfaces;
        boolean declared;
        boolean enumOrRecord;
        boolean hasStaticInitializer;
        final List<Member> fields = new ArrayList<>();
        final List<Member> constructors = new ArrayList<>();
        final List<Member> methods = new ArrayList<>();

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
            this.access = access;
            this.interfaces = interfaces == null ? new String[0] : interfaces;
            this.enumOrRecord = (access & Opcodes.ACC_ENUM) != 0 || (access & Opcodes.ACC_RECORD) != 0
                    || "java/lang/Record".equals(superName);
        }

        @Override
        public void visitInnerClass(String inner, String outer, String simpleName, int innerAccess) {
            if (inner.equals(name)) {
                access = innerAccess;
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (name.equals("serialVersionUID")) {
                declared = true;
            }
            fields.add(new Member(name, access, descriptor));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            if (name.equals("<clinit>")) {
                hasStaticInitializer = true;
            } else if (name.equals("<init>")) {
                constructors.add(new Member(name, access, descriptor));
            } else {
                methods.add(new Member(name, access, descriptor));
            }
            return null;
        }
    }
}
