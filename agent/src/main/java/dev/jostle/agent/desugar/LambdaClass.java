package dev.jostle.agent.desugar;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes the class that stands in for one lambda call site: final, synthetic, package-private, implementing
 * the functional interface (and any marker interfaces), with a final field per captured value, a static
 * {@code jostle$create} method whose descriptor is the call site's own (so it replaces the
 * {@code invokedynamic} one for one), and the interface method (and any bridges) calling the implementation.
 * The factory's name is one no real interface uses: with {@code create}, an interface whose method is
 * {@code create} with the same descriptor would have given the class two methods of one signature. A lambda
 * that captures nothing is one instance, made when the class initialises, as {@code LambdaMetafactory}
 * returns one instance for such a call site.
 *
 * <p>All code here is straight-line, so the class needs no stack map frames, and nothing is loaded to
 * write it.
 */
final class LambdaClass {

    static final String FACTORY = "jostle$create";
    private static final String INSTANCE = "INSTANCE";
    private static final String OBJECT = "java/lang/Object";

    /** How the lambda's method reaches the implementation. */
    record Target(int opcode, String owner, String name, String descriptor, boolean isInterface) {

        boolean isConstructor() {
            return name.equals("<init>");
        }

        /** The implementation's parameters as the call consumes them: the receiver first, if any. */
        Type[] parameters() {
            Type[] declared = Type.getArgumentTypes(descriptor);
            if (opcode == Opcodes.INVOKESTATIC || isConstructor()) {
                return declared;
            }
            Type[] all = new Type[declared.length + 1];
            all[0] = Type.getObjectType(owner);
            System.arraycopy(declared, 0, all, 1, declared.length);
            return all;
        }

        Type result() {
            return isConstructor() ? Type.getObjectType(owner) : Type.getReturnType(descriptor);
        }
    }

    private final String name;
    private final Type factory;
    private final String methodName;
    private final Type instantiated;
    private final Target target;

    /**
     * @param name         the class's internal name
     * @param factory      the call site's type: captured values to the functional interface
     * @param methodName   the interface method's name
     * @param instantiated the interface method's type as the call site instantiates it
     * @param target       the implementation
     */
    LambdaClass(String name, Type factory, String methodName, Type instantiated, Target target) {
        this.name = name;
        this.factory = factory;
        this.methodName = methodName;
        this.instantiated = instantiated;
        this.target = target;
    }

    /**
     * The class file, implementing the interface method as {@code erased} and once more for each bridge.
     *
     * @throws IllegalArgumentException when the types do not line up as {@code LambdaMetafactory} requires
     */
    byte[] write(int version, Type erased, List<Type> markers, List<Type> bridges) {
        Type[] captured = factory.getArgumentTypes();
        if (captured.length + erased.getArgumentTypes().length != target.parameters().length) {
            throw new IllegalArgumentException("arity: " + factory + " and " + erased + " for " + target);
        }
        List<String> interfaces = new ArrayList<>();
        interfaces.add(factory.getReturnType().getInternalName());
        markers.forEach(marker -> interfaces.add(marker.getInternalName()));

        ClassWriter cw = new ClassWriter(0);
        cw.visit(Math.max(version, Opcodes.V1_8), Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC,
                name, null, OBJECT, interfaces.toArray(new String[0]));
        for (int i = 0; i < captured.length; i++) {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, field(i), captured[i].getDescriptor(), null,
                    null).visitEnd();
        }
        writeConstructor(cw, captured);
        if (captured.length == 0) {
            writeSingleton(cw);
        } else {
            writeFactory(cw, captured);
        }
        writeMethod(cw, erased, captured);
        for (Type bridge : bridges) {
            if (!bridge.getDescriptor().equals(erased.getDescriptor())) {
                writeMethod(cw, bridge, captured);
            }
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static String field(int i) {
        return "arg$" + (i + 1);
    }

    private void writeConstructor(ClassWriter cw, Type[] captured) {
        String descriptor = Type.getMethodDescriptor(Type.VOID_TYPE, captured);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", descriptor, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, OBJECT, "<init>", "()V", false);
        int slot = 1;
        int widest = 1;
        for (int i = 0; i < captured.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
            mv.visitFieldInsn(Opcodes.PUTFIELD, name, field(i), captured[i].getDescriptor());
            slot += captured[i].getSize();
            widest = Math.max(widest, 1 + captured[i].getSize());
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(widest, slot);
        mv.visitEnd();
    }

    private void writeSingleton(ClassWriter cw) {
        String self = "L" + name + ";";
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, INSTANCE, self, null, null)
                .visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitTypeInsn(Opcodes.NEW, name);
        init.visitInsn(Opcodes.DUP);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
        init.visitFieldInsn(Opcodes.PUTSTATIC, name, INSTANCE, self);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(2, 0);
        init.visitEnd();

        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, FACTORY, factory.getDescriptor(), null, null);
        mv.visitCode();
        mv.visitFieldInsn(Opcodes.GETSTATIC, name, INSTANCE, self);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(1, 0);
        mv.visitEnd();
    }

    private void writeFactory(ClassWriter cw, Type[] captured) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, FACTORY, factory.getDescriptor(), null, null);
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, name);
        mv.visitInsn(Opcodes.DUP);
        int slot = 0;
        for (Type value : captured) {
            mv.visitVarInsn(value.getOpcode(Opcodes.ILOAD), slot);
            slot += value.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", Type.getMethodDescriptor(Type.VOID_TYPE, captured),
                false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(2 + slot, slot);
        mv.visitEnd();
    }

    /** The interface method under one erased type: load, convert, call, convert back, return. */
    private void writeMethod(ClassWriter cw, Type erased, Type[] captured) {
        Type[] received = erased.getArgumentTypes();
        Type[] known = instantiated.getArgumentTypes();
        Type[] wanted = target.parameters();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, methodName, erased.getDescriptor(), null, null);
        mv.visitCode();
        int stack = 0;
        if (target.isConstructor()) {
            mv.visitTypeInsn(Opcodes.NEW, target.owner());
            mv.visitInsn(Opcodes.DUP);
            stack = 2;
        }
        for (int i = 0; i < captured.length; i++) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, name, field(i), captured[i].getDescriptor());
            LambdaConversions.convert(mv, captured[i], wanted[i], captured[i]);
            stack += Math.max(captured[i].getSize(), wanted[i].getSize());
        }
        int slot = 1;
        for (int j = 0; j < received.length; j++) {
            Type parameter = wanted[captured.length + j];
            Type functional = j < known.length ? known[j] : received[j];
            mv.visitVarInsn(received[j].getOpcode(Opcodes.ILOAD), slot);
            LambdaConversions.convert(mv, received[j], parameter, functional);
            slot += received[j].getSize();
            stack += Math.max(received[j].getSize(), parameter.getSize());
        }
        int opcode = target.isConstructor() ? Opcodes.INVOKESPECIAL : target.opcode();
        mv.visitMethodInsn(opcode, target.owner(), target.name(), target.descriptor(), target.isInterface());
        LambdaConversions.convertReturn(mv, target.result(), erased.getReturnType());
        Type returned = erased.getReturnType();
        mv.visitInsn(returned.getOpcode(Opcodes.IRETURN));
        // Room for the widest value in flight plus a boxing conversion's scratch: generous, never short.
        mv.visitMaxs(stack + 4, slot);
        mv.visitEnd();
    }
}
