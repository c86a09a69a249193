package dev.jostle.agent.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import dev.jostle.agent.desugar.DefaultSerialVersion;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Which synchronized methods take their monitor in their own code instead of through the flag. The JVM takes
 * a synchronized method's monitor before its first instruction, so no scheduling point can come first: a
 * controlled thread calling one whose monitor another thread holds would block inside the JVM, where the
 * scheduler cannot see it. For a class being defined, such a method loses {@code ACC_SYNCHRONIZED} and gets
 * {@code monitorenter} (with its point) before its body and {@code monitorexit} at every exit, as javac writes
 * a synchronized block. Reflection then no longer reports the method synchronized: the price of the point.
 *
 * <p>Every exit must release the monitor from the same local the entry took it from: HotSpot pairs a
 * {@code monitorexit} with its {@code monitorenter} by where the monitor came from, and two loads of it are two
 * sources ("improper monitor pair": neither compiler takes the method). An instance method's monitor is
 * {@code this}, in local 0. A static method's is its class: one {@code ldc} stored in a fresh local, past the
 * method's own (its {@code maxLocals}), as javac keeps the class of {@code synchronized (C.class)} in a local;
 * {@link ClassInFreshLocal} adds that local to every stack map frame. Its index comes from the class file, as
 * the method's {@code maxLocals} arrives only after its code.
 *
 * <p>Not for a class being retransformed (the JVM refuses a changed modifier), an abstract or native method,
 * an instance method whose code stores into local 0, where the exits would find no {@code this} to release
 * (javac never does; an optimiser may), or a static method of a class file older than Java 5, where
 * {@code ldc} cannot load a class. What decides this needs the method's code before it is visited, so the
 * class file is scanned once, when the first synchronized method is asked about. A thread blocked on the
 * monitor of a method that keeps its flag is left to the scheduler's {@code BLOCKED_IN_JVM} waiting.
 */
public final class SynchronizedMethodEntries {

    /** What {@link #monitorLocal} answers for a method that keeps its flag. */
    static final int FLAG_KEPT = -1;

    private static final ThreadLocal<SynchronizedMethodEntries> DEFINING = new ThreadLocal<>();

    private final byte[] classFile;
    private Scan scan;

    private SynchronizedMethodEntries(byte[] classFile) {
        this.classFile = classFile;
    }

    /**
     * Runs a transformation of {@code classFile}; {@code defining}: the class is being defined, not
     * retransformed, so its synchronized methods may take their monitor in code.
     */
    public static <T, X extends Exception> T whileTransforming(boolean defining, byte[] classFile,
            MethodReferenceBridges.Transformation<T, X> transformation) throws X {
        return MethodReferenceBridges.with(DEFINING,
                defining && classFile != null ? new SynchronizedMethodEntries(classFile) : null, transformation);
    }

    /**
     * The default {@code serialVersionUID} of the class being defined, as its class file was written, or null
     * (not being defined, or it declares one, or is an enum or record). A synchronized method that loses its flag
     * changes the default one, which the JVM computes from the methods' modifiers: a serializable class without
     * a declared one would no longer read what a JVM without the agent wrote.
     */
    static Long originalSerialVersion() {
        SynchronizedMethodEntries defining = DEFINING.get();
        return defining == null ? null : DefaultSerialVersion.of(defining.classFile);
    }

    /**
     * The local a synchronized method, as its class file declares it, takes its monitor from in its own code:
     * 0 for an instance method, a fresh local holding the class for a static one; or {@link #FLAG_KEPT}.
     */
    static int monitorLocal(int access, String name, String descriptor) {
        if ((access & Opcodes.ACC_SYNCHRONIZED) == 0 || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return FLAG_KEPT;
        }
        SynchronizedMethodEntries defining = DEFINING.get();
        if (defining == null) {
            return FLAG_KEPT;
        }
        if (defining.scan == null) {
            defining.scan = new Scan(defining.classFile);
        }
        String method = name + descriptor;
        if ((access & Opcodes.ACC_STATIC) != 0) {
            return defining.scan.freshLocals.getOrDefault(method, FLAG_KEPT);
        }
        return defining.scan.storingLocalZero.contains(method) ? FLAG_KEPT : 0;
    }

    /** What the synchronized methods' code says about the locals they may use. */
    private static final class Scan {
        /** The synchronized instance methods (name and descriptor) whose code stores into local 0. */
        final Set<String> storingLocalZero = new HashSet<>();
        /** The synchronized static methods that may take their monitor in code, and the first local they leave free. */
        final Map<String, Integer> freshLocals = new HashMap<>();
        private boolean classLiterals;

        Scan(byte[] classFile) {
            new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                        String[] interfaces) {
                    classLiterals = (version & 0xFFFF) >= Opcodes.V1_5;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    if ((access & Opcodes.ACC_SYNCHRONIZED) == 0) {
                        return null;
                    }
                    return (access & Opcodes.ACC_STATIC) != 0 ? staticMethod(name + descriptor)
                            : instanceMethod(name + descriptor);
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }

        private MethodVisitor instanceMethod(String method) {
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitVarInsn(int opcode, int varIndex) {
                    if (varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                        storingLocalZero.add(method);
                    }
                }

                @Override
                public void visitIincInsn(int varIndex, int increment) {
                    if (varIndex == 0) {
                        storingLocalZero.add(method);
                    }
                }
            };
        }

        private MethodVisitor staticMethod(String method) {
            if (!classLiterals) {
                return null;
            }
            return new MethodVisitor(OpenedClassReader.ASM_API) {
                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    if (maxLocals < 0xFFFF) { // the fresh local must still have an index
                        freshLocals.put(method, maxLocals);
                    }
                }
            };
        }
    }
}
