package dev.jostle.agent.instrument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * One method's exception table against its instructions, numbered in order: which handlers cover their
 * own first instructions, which calls lie there (the shape HotSpot's C1 compiler refuses), and where the
 * MONITORENTER and a given call sit.
 */
class HandlerLayout extends MethodVisitor {

    private final Map<Label, Integer> labels = new IdentityHashMap<>();
    private final List<Label[]> entries = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    /** The instruction number of the last MONITORENTER, or -1. */
    int monitorEnter = -1;

    private HandlerLayout() {
        super(Opcodes.ASM9);
    }

    static HandlerLayout of(byte[] classFile, String methodName) {
        HandlerLayout layout = new HandlerLayout();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return name.equals(methodName) ? layout : null;
            }
        }, 0);
        return layout;
    }

    /** The methods of a class (name and descriptor) with a call inside a handler that covers itself. */
    static List<String> methodsRefusedByC1(byte[] classFile) {
        List<String> refused = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new HandlerLayout() {
                    @Override
                    public void visitEnd() {
                        if (!callsInsideSelfCoveringHandlers().isEmpty()) {
                            refused.add(name + descriptor);
                        }
                    }
                };
            }
        }, 0);
        return refused;
    }

    /** The number of the first call to a method of that name, or -1. */
    int firstCall(String name) {
        return calls.indexOf(name);
    }

    /** Whether an exception table entry covers the instruction of that number. */
    boolean isProtected(int instruction) {
        return entries.stream().anyMatch(e -> labels.get(e[0]) <= instruction && instruction < labels.get(e[1]));
    }

    /** Entries whose range holds their own handler's first instruction. */
    int selfCoveringHandlers() {
        int count = 0;
        for (Label[] entry : entries) {
            if (coversOwnHandler(entry)) {
                count++;
            }
        }
        return count;
    }

    /** Calls between such a handler's start and the end of its entry, as "instruction#name". */
    List<String> callsInsideSelfCoveringHandlers() {
        List<String> found = new ArrayList<>();
        for (Label[] entry : entries) {
            if (!coversOwnHandler(entry)) {
                continue;
            }
            for (int i = labels.get(entry[2]); i < labels.get(entry[1]); i++) {
                if (calls.get(i) != null) {
                    found.add(i + "#" + calls.get(i));
                }
            }
        }
        return found;
    }

    private boolean coversOwnHandler(Label[] entry) {
        int handler = labels.get(entry[2]);
        return labels.get(entry[0]) <= handler && handler < labels.get(entry[1]);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        entries.add(new Label[] {start, end, handler});
    }

    @Override
    public void visitLabel(Label label) {
        labels.put(label, calls.size());
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        calls.add(name);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, net.bytebuddy.jar.asm.Handle bootstrap,
            Object... arguments) {
        calls.add(name);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.MONITORENTER) {
            monitorEnter = calls.size();
        }
        calls.add(null);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        calls.add(null);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        calls.add(null);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        calls.add(null);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        calls.add(null);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        calls.add(null);
    }

    @Override
    public void visitLdcInsn(Object value) {
        calls.add(null);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        calls.add(null);
    }
}
