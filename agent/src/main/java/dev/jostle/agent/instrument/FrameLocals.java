package dev.jostle.agent.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The locals of a method's stack map frames as a visitor sees them go by: a full frame sets them, an appended
 * one adds, a chopped one removes, the others leave them. For visitors that write frames of their own.
 */
final class FrameLocals {

    private FrameLocals() {
    }

    /** {@code locals} after a frame of {@code type} with these {@code numLocal} locals. */
    static void update(List<Object> locals, int type, int numLocal, Object[] local) {
        switch (type) {
            case Opcodes.F_NEW:
            case Opcodes.F_FULL:
                locals.clear();
                Collections.addAll(locals, Arrays.copyOf(local, numLocal));
                break;
            case Opcodes.F_APPEND:
                Collections.addAll(locals, Arrays.copyOf(local, numLocal));
                break;
            case Opcodes.F_CHOP:
                for (int i = 0; i < numLocal && !locals.isEmpty(); i++) {
                    locals.remove(locals.size() - 1);
                }
                break;
            default: // F_SAME, F_SAME1: the locals do not change
                break;
        }
    }
}
