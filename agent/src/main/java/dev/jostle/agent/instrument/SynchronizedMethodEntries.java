package dev.jostle.agent.instrument;

import java.util.HashSet;
import java.util.Set;
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
 * <p>Not for a class being retransformed (the JVM refuses a changed modifier), an abstract or native method,
 * or an instance method whose code stores into local 0, where the exits would find no {@code this} to release
 * (javac never does; an optimiser may): finding those needs the method's code before it is visited, so the
 * class file is scanned once, when the first such method is asked about. Nor for a static method: HotSpot
 * pairs a {@code monitorexit} with its {@code monitorenter} by where the monitor came from, and two loads of
 * the class literal are two sources ("improper monitor pair": neither compiler takes the method); javac keeps
 * the class in a local, which a method visited once cannot add without rewriting every stack map frame. A
 * thread blocked on a static method's monitor is left to the scheduler's {@code BLOCKED_IN_JVM} waiting.
 */
public final class SynchronizedMethodEntries {

    private static final ThreadLocal<SynchronizedMethodEntries> DEFINING = new ThreadLocal<>();

    private final byte[] classFile;
    private Set<String> storingLocalZero;

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

    /** Whether the method, as its class file declares it, is to take its monitor in its own code. */
    static boolean takenInCode(int access, String name, String descriptor) {
        if ((access & Opcodes.ACC_SYNCHRONIZED) == 0 || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return false;
        }
        SynchronizedMethodEntries defining = DEFINING.get();
        if (defining == null) {
            return false;
        }
        if ((access & Opcodes.ACC_STATIC) != 0) {
            return false;
        }
        return !defining.storesLocalZero(name + descriptor);
    }

    private boolean storesLocalZero(String method) {
        if (storingLocalZero == null) {
            storingLocalZero = scan(classFile);
        }
        return storingLocalZero.contains(method);
    }

    /** The synchronized instance methods (name and descriptor) whose code stores into local 0. */
    private static Set<String> scan(byte[] classFile) {
        Set<String> found = new HashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(OpenedClassReader.ASM_API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_SYNCHRONIZED) == 0 || (access & Opcodes.ACC_STATIC) != 0) {
                    return null;
                }
                return new MethodVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        if (varIndex == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                            found.add(name + descriptor);
                        }
                    }

                    @Override
                    public void visitIincInsn(int varIndex, int increment) {
                        if (varIndex == 0) {
                            found.add(name + descriptor);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found;
    }
}
