package dev.jostle.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Writes a call to a {@code Hooks} method: the site as a constant, then the {@code invokestatic}. Every
 * insertion of the instrumentation ends in one; what comes before (the copies of owner, array or index the
 * hook takes) is the caller's.
 */
final class HookEmitter {

    static final String HOOKS = "dev/jostle/agent/bootstrap/Hooks";

    /** A hook that takes the accessed object (or null, for a static member or no object) and the site. */
    static final String OWNER_SITE = "(Ljava/lang/Object;I)V";
    /** A hook that takes an array, an index and the site. */
    static final String ARRAY_INDEX_SITE = "(Ljava/lang/Object;II)V";
    /** A hook that takes the site alone. */
    static final String SITE_ONLY = "(I)V";

    private final MethodVisitor next;

    HookEmitter(MethodVisitor next) {
        this.next = next;
    }

    /** Pushes the site and calls the {@code Hooks} method that takes it last, its other arguments on the stack. */
    void hook(String name, String descriptor, int site) {
        pushInt(site);
        next.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, name, descriptor, false);
    }

    /** The shortest instruction that pushes the value. */
    private void pushInt(int value) {
        if (value >= -1 && value <= 5) {
            next.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            next.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            next.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            next.visitLdcInsn(value);
        }
    }
}
