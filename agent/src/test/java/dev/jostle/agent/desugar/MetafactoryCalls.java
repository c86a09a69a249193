package dev.jostle.agent.desugar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** What a class file's code links through LambdaMetafactory, and which desugared lambda classes it calls. */
final class MetafactoryCalls {

    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    private final Map<String, Integer> byMethod = new TreeMap<>();
    private final List<String> lambdaClassesCalled = new ArrayList<>();

    private MetafactoryCalls() {
    }

    static MetafactoryCalls of(byte[] classFile) {
        MetafactoryCalls calls = new MetafactoryCalls();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitInvokeDynamicInsn(String method, String type, Handle bootstrap,
                            Object... arguments) {
                        if (bootstrap.getOwner().equals(METAFACTORY)) {
                            calls.byMethod.merge(name, 1, Integer::sum);
                        }
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String type,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.contains(LambdaDesugaring.NAME_MARK)) {
                            calls.lambdaClassesCalled.add(owner.replace('/', '.'));
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return calls;
    }

    /** Method name to the number of LambdaMetafactory invokedynamic instructions in it (overloads merged). */
    Map<String, Integer> byMethod() {
        return byMethod;
    }

    int total() {
        return byMethod.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The binary names of the lambda classes whose factory the code calls, once per call. */
    List<String> lambdaClassesCalled() {
        return lambdaClassesCalled;
    }
}
