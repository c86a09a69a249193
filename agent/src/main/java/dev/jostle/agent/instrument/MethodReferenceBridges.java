package dev.jostle.agent.instrument;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Routes method references to calls the agent hooks ({@code threads.forEach(Thread::start)},
 * {@code items.forEach(queue::offer)}) through a small static method of their own class, whose call is
 * then instrumented like any other.
 *
 * <p>A lambda's body is a method of its class, instrumented with the class. A method reference has no body:
 * the class {@code LambdaMetafactory} spins for it calls the target itself, and that class is hidden, out of
 * any agent's reach. So {@code Thread::start} started threads the race detector never saw started (it
 * ordered them, conservatively, as pool workers, which hid the races between them), and {@code
 * queue::put} got neither noise nor its happens-before edge. Here each such call site's implementation
 * handle is replaced by a handle to
 * <pre>
 *   private static synthetic jostle$ref$N(Owner receiver, args...) { return receiver.target(args...); }
 * </pre>
 * which LambdaMetafactory adapts exactly as it adapted the target (the receiver becomes the first
 * parameter). Only {@code metafactory} and non-serializable {@code altMetafactory} sites are touched: a
 * serializable lambda records its implementation method, and deserialising it checks that record.
 *
 * <p>This adds methods, which the JVM refuses when it retransforms a loaded class: the agent applies it
 * only to classes being defined ({@link #forNewClasses}). A stack trace through such a reference shows one
 * more frame, {@code Host.jostle$ref$N}, with the line of the method reference.
 */
public final class MethodReferenceBridges extends ClassVisitor {

    static final String PREFIX = "jostle$ref$";
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final int FLAG_SERIALIZABLE = 1;

    private static final ThreadLocal<Boolean> DEFINING = new ThreadLocal<>();

    private final Predicate<Handle> hooked;
    private String host;
    private boolean hostIsInterface;
    private boolean supported;
    /** The bridge for each target, in the order they were needed. */
    private final Map<String, Bridge> bridges = new LinkedHashMap<>();

    /**
     * @param hooked whether a call to a method handle's target is one the agent instruments
     */
    MethodReferenceBridges(ClassVisitor next, Predicate<Handle> hooked) {
        super(OpenedClassReader.ASM_API, next);
        this.hooked = hooked;
    }

    /**
     * Rewrites a class file on its own, for a class that is instrumented when it is defined later (hunt
     * desugars lambdas before it defines classes, and the bridges must exist before). Calls on
     * {@code java.lang.Thread} are recognised by that owner only, as no type pool is at hand.
     */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        MethodReferenceBridges bridges = new MethodReferenceBridges(writer,
                handle -> HookedCalls.isHooked(handle, TypeFacts.unresolved()));
        reader.accept(bridges, 0);
        return bridges.bridges.isEmpty() ? classFile : writer.toByteArray();
    }

    /**
     * Runs a transformation knowing whether the class is being defined (true) or a loaded class redefined
     * (false): only a class being defined may gain the bridges.
     */
    public static <T, X extends Exception> T whileTransforming(boolean defining, Transformation<T, X> transformation)
            throws X {
        return with(DEFINING, defining, transformation);
    }

    /** A transformation that may throw {@code X}. */
    @FunctionalInterface
    public interface Transformation<T, X extends Exception> {
        T run() throws X;
    }

    /** Runs {@code transformation} with {@code local} set to {@code value}, then restores what it held. */
    static <V, T, X extends Exception> T with(ThreadLocal<V> local, V value, Transformation<T, X> transformation)
            throws X {
        V previous = local.get();
        local.set(value);
        try {
            return transformation.run();
        } finally {
            if (previous == null) {
                local.remove();
            } else {
                local.set(previous);
            }
        }
    }

    /** Whether the class being transformed on this thread is being defined (see {@link #whileTransforming}). */
    static boolean forNewClasses() {
        return Boolean.TRUE.equals(DEFINING.get());
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        host = name;
        hostIsInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        // Private static methods in interfaces, and lambdas at all, need class file version 52 (Java 8).
        supported = (version & 0xFFFF) >= Opcodes.V1_8 && (access & Opcodes.ACC_MODULE) == 0;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        return next == null || !supported ? next : new CallSites(next);
    }

    @Override
    public void visitEnd() {
        for (Bridge bridge : bridges.values()) {
            bridge.write(this);
        }
        super.visitEnd();
    }

    /**
     * The bridge's receiver parameter is the type the call site captures, when it captures one: javac names
     * the declaring class in the handle ({@code ReentrantLock.lock} for {@code guardLock::lock}) but the
     * captured receiver by its own type, and the lambda factory wants a captured argument's type exactly.
     */
    private Handle bridgeFor(Handle target, String receiver, int line) {
        String key = target.getTag() + " " + receiver + " " + target.getOwner() + "." + target.getName()
                + target.getDesc();
        Bridge bridge = bridges.computeIfAbsent(key, k -> new Bridge(PREFIX + bridges.size(), target, receiver,
                line));
        return new Handle(Opcodes.H_INVOKESTATIC, host, bridge.name, bridge.descriptor, hostIsInterface);
    }

    /** The receiver parameter of a bridge to an instance method: the captured receiver's type, if any. */
    private static String receiver(Handle target, String factoryDescriptor) {
        if (target.getTag() == Opcodes.H_INVOKESTATIC) {
            return "";
        }
        Type[] captured = Type.getArgumentTypes(factoryDescriptor);
        if (captured.length > 0 && (captured[0].getSort() == Type.OBJECT || captured[0].getSort() == Type.ARRAY)) {
            return captured[0].getDescriptor();
        }
        String owner = target.getOwner();
        return owner.startsWith("[") ? owner : "L" + owner + ";";
    }

    /** Whether an invokedynamic is a lambda factory call whose implementation may be replaced. */
    private static boolean replaceable(Handle bootstrap, Object[] arguments) {
        if (!METAFACTORY.equals(bootstrap.getOwner()) || arguments.length < 3
                || !(arguments[1] instanceof Handle)) {
            return false;
        }
        if ("metafactory".equals(bootstrap.getName())) {
            return true;
        }
        return "altMetafactory".equals(bootstrap.getName()) && arguments.length > 3
                && arguments[3] instanceof Integer && ((Integer) arguments[3] & FLAG_SERIALIZABLE) == 0;
    }

    private final class CallSites extends MethodVisitor {
        private int line;

        CallSites(MethodVisitor next) {
            super(OpenedClassReader.ASM_API, next);
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            super.visitLineNumber(line, start);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            if (replaceable(bootstrap, arguments)) {
                Handle target = (Handle) arguments[1];
                int tag = target.getTag();
                boolean call = tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKESTATIC
                        || tag == Opcodes.H_INVOKEINTERFACE;
                if (call && hooked.test(target)) {
                    Object[] replaced = arguments.clone();
                    replaced[1] = bridgeFor(target, receiver(target, descriptor), line);
                    arguments = replaced;
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }
    }

    /** One bridge: its name, its descriptor (the receiver first, as the call site captures it) and the call it makes. */
    private static final class Bridge {
        final String name;
        final Handle target;
        final String descriptor;
        final int line;

        Bridge(String name, Handle target, String receiver, int line) {
            this.name = name;
            this.target = target;
            this.line = line;
            this.descriptor = "(" + receiver + target.getDesc().substring(1);
        }

        /** Written through the class visitor, so that the agent's instrumentation sees the call. */
        void write(ClassVisitor out) {
            MethodVisitor method = out.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    name, descriptor, null, null);
            if (method == null) {
                return;
            }
            method.visitCode();
            if (line > 0) {
                Label start = new Label();
                method.visitLabel(start);
                method.visitLineNumber(line, start);
            }
            int slot = 0;
            for (Type argument : Type.getArgumentTypes(descriptor)) {
                method.visitVarInsn(argument.getOpcode(Opcodes.ILOAD), slot);
                slot += argument.getSize();
            }
            int opcode = target.getTag() == Opcodes.H_INVOKESTATIC ? Opcodes.INVOKESTATIC
                    : target.getTag() == Opcodes.H_INVOKEINTERFACE ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
            method.visitMethodInsn(opcode, target.getOwner(), target.getName(), target.getDesc(), target.isInterface());
            Type returned = Type.getReturnType(descriptor);
            method.visitInsn(returned.getOpcode(Opcodes.IRETURN));
            method.visitMaxs(Math.max(slot, returned.getSize()), slot);
            method.visitEnd();
        }
    }
}
