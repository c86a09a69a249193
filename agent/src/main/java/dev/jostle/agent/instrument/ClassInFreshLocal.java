package dev.jostle.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Keeps a fresh local, past the method's own, holding a class in every stack map frame: a static synchronized
 * method that takes its class's monitor in code stores it there before its first frame, and releases it from
 * there at every exit (see {@link SynchronizedMethodEntries}). A frame that leaves the local out makes it
 * unusable from that point for the verifier, so each frame is written out in full, with the method's own
 * locals padded to the fresh one. Sits after the instrumentation, so the frames the instrumentation writes
 * (its handlers') get the local too; their locals and the method's are given without it.
 */
final class ClassInFreshLocal extends MethodVisitor {

    private static final String CLASS = "java/lang/Class";

    private final int index;
    /** The method's own locals at the last frame, one entry per local, long and double as one. */
    private final List<Object> locals = new ArrayList<>();

    /** {@code index}: the fresh local, the method's {@code maxLocals}; a static method's {@code descriptor}. */
    ClassInFreshLocal(MethodVisitor next, int index, String descriptor) {
        super(OpenedClassReader.ASM_API, next);
        this.index = index;
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            locals.add(ReleaseHandlerCopies.frameType(argument));
        }
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        FrameLocals.update(locals, type, numLocal, local);
        Object[] withClass = withClass();
        super.visitFrame(type == Opcodes.F_NEW ? Opcodes.F_NEW : Opcodes.F_FULL, withClass.length, withClass,
                numStack, stack);
    }

    /** The locals, padded with TOP up to the fresh local, then the class in it. */
    private Object[] withClass() {
        List<Object> written = new ArrayList<>(locals);
        int slots = 0;
        for (Object local : locals) {
            slots += local == Opcodes.LONG || local == Opcodes.DOUBLE ? 2 : 1;
        }
        if (slots > index) { // the code is not the class file's: let the class run as it was written
            throw new IllegalStateException("a stack map frame has locals past the fresh local " + index);
        }
        for (; slots < index; slots++) {
            written.add(Opcodes.TOP);
        }
        written.add(CLASS);
        return written.toArray();
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitMaxs(maxStack, Math.max(maxLocals, index + 1));
    }
}
