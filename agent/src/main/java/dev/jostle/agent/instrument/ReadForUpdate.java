package dev.jostle.agent.instrument;

import net.bytebuddy.jar.asm.Opcodes;

/**
 * A read held back until the visitor knows whether its value goes straight back to the same variable:
 * {@code a[i] += v} ({@code DUP2, IALOAD, ..., IASTORE}), {@code f++} ({@code DUP, GETFIELD, ..., PUTFIELD}),
 * {@code s *= 3} on a static field. Such a read gets the update-read hook, which the race detector leaves
 * unchecked: nothing but arithmetic on the operand stack comes between it and the write, so the write's
 * check covers it, and a dense loop of {@code a[i] += v} costs one check a step instead of two.
 *
 * <p>"Straight back" is proved on the operand stack, not guessed from the shape: the instructions in
 * between may only push constants and locals and do arithmetic that cannot throw, and must never reach
 * below the read's value, where the array and index (or the owner) that the write will use wait. So the
 * write that matches is the read's own variable, and it is reached whenever the read completed.
 */
final class ReadForUpdate {

    /** The read's opcode: an xALOAD of a primitive array, GETFIELD or GETSTATIC. */
    final int opcode;
    final String owner;
    final String name;
    final String descriptor;
    final int site;
    /** Words of the read's value. */
    private final int valueWords;
    /** Words under the value that the write consumes too: array and index, the owner, or none. */
    private final int belowWords;
    /** Words on the stack above where the read's value went (the value included). */
    private int depth;

    private ReadForUpdate(int opcode, String owner, String name, String descriptor, int site, int valueWords,
            int belowWords) {
        this.opcode = opcode;
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.site = site;
        this.valueWords = valueWords;
        this.belowWords = belowWords;
        this.depth = valueWords;
    }

    /** An array read right after the DUP2 that keeps array and index for the write; null for AALOAD. */
    static ReadForUpdate ofArray(int opcode, int site) {
        if (opcode == Opcodes.AALOAD) {
            return null; // references: no arithmetic to update them with
        }
        int words = opcode == Opcodes.LALOAD || opcode == Opcodes.DALOAD ? 2 : 1;
        return new ReadForUpdate(opcode, null, null, null, site, words, 2);
    }

    /** A plain field read of a primitive; for GETFIELD, right after the DUP that keeps the owner. */
    static ReadForUpdate ofField(int opcode, String owner, String name, String descriptor, int site) {
        char type = descriptor.charAt(0);
        if (type == 'L' || type == '[') {
            return null;
        }
        int words = type == 'J' || type == 'D' ? 2 : 1;
        return new ReadForUpdate(opcode, owner, name, descriptor, site, words,
                opcode == Opcodes.GETFIELD ? 1 : 0);
    }

    /** Whether this array store writes the value back to the element read. */
    boolean isArrayWriteBack(int storeOpcode) {
        return owner == null && storeOpcode == opcode + (Opcodes.IASTORE - Opcodes.IALOAD) && depth == valueWords;
    }

    /** Whether this field store writes the value back to the field read (same object: see the class comment). */
    boolean isFieldWriteBack(int storeOpcode, String storeOwner, String storeName, String storeDescriptor) {
        if (owner == null || !owner.equals(storeOwner) || !name.equals(storeName)
                || !descriptor.equals(storeDescriptor)) {
            return false;
        }
        if (opcode == Opcodes.GETFIELD) {
            return storeOpcode == Opcodes.PUTFIELD && depth == valueWords;
        }
        // A static has no owner on the stack: a copy of the old value left under the new one is harmless.
        return storeOpcode == Opcodes.PUTSTATIC && depth >= valueWords;
    }

    /**
     * Accounts for an instruction between read and write; false when it is not one that may stand there
     * (then the read is reported as a plain read). {@code constant} is LDC's operand.
     */
    boolean admits(int instruction, Object constant) {
        int after = depthAfter(instruction, constant);
        if (after < 0) {
            return false;
        }
        depth = after;
        return true;
    }

    private int depthAfter(int instruction, Object constant) {
        switch (instruction) {
            case Opcodes.IINC:
                return depth;
            case Opcodes.ILOAD:
            case Opcodes.FLOAD:
            case Opcodes.ICONST_M1:
            case Opcodes.ICONST_0:
            case Opcodes.ICONST_1:
            case Opcodes.ICONST_2:
            case Opcodes.ICONST_3:
            case Opcodes.ICONST_4:
            case Opcodes.ICONST_5:
            case Opcodes.FCONST_0:
            case Opcodes.FCONST_1:
            case Opcodes.FCONST_2:
            case Opcodes.BIPUSH:
            case Opcodes.SIPUSH:
                return depth + 1;
            case Opcodes.LLOAD:
            case Opcodes.DLOAD:
            case Opcodes.LCONST_0:
            case Opcodes.LCONST_1:
            case Opcodes.DCONST_0:
            case Opcodes.DCONST_1:
                return depth + 2;
            case Opcodes.LDC:
                if (constant instanceof Integer || constant instanceof Float) {
                    return depth + 1;
                }
                return constant instanceof Long || constant instanceof Double ? depth + 2 : -1;
            // Arithmetic that cannot throw (so no integer division or remainder): pop, push.
            case Opcodes.IADD:
            case Opcodes.ISUB:
            case Opcodes.IMUL:
            case Opcodes.IAND:
            case Opcodes.IOR:
            case Opcodes.IXOR:
            case Opcodes.ISHL:
            case Opcodes.ISHR:
            case Opcodes.IUSHR:
            case Opcodes.FADD:
            case Opcodes.FSUB:
            case Opcodes.FMUL:
            case Opcodes.FDIV:
            case Opcodes.FREM:
                return pop(2, 1);
            case Opcodes.LADD:
            case Opcodes.LSUB:
            case Opcodes.LMUL:
            case Opcodes.LAND:
            case Opcodes.LOR:
            case Opcodes.LXOR:
            case Opcodes.DADD:
            case Opcodes.DSUB:
            case Opcodes.DMUL:
            case Opcodes.DDIV:
            case Opcodes.DREM:
                return pop(4, 2);
            case Opcodes.LSHL:
            case Opcodes.LSHR:
            case Opcodes.LUSHR:
                return pop(3, 2);
            case Opcodes.INEG:
            case Opcodes.FNEG:
            case Opcodes.I2F:
            case Opcodes.F2I:
            case Opcodes.I2B:
            case Opcodes.I2C:
            case Opcodes.I2S:
                return pop(1, 1);
            case Opcodes.LNEG:
            case Opcodes.DNEG:
            case Opcodes.L2D:
            case Opcodes.D2L:
                return pop(2, 2);
            case Opcodes.I2L:
            case Opcodes.I2D:
            case Opcodes.F2L:
            case Opcodes.F2D:
                return pop(1, 2);
            case Opcodes.L2I:
            case Opcodes.L2F:
            case Opcodes.D2I:
            case Opcodes.D2F:
                return pop(2, 1);
            case Opcodes.DUP:
                return pop(1, 2);
            case Opcodes.DUP2:
                return pop(2, 4);
            // javac's x = a[i]++ and x = f++: the old value's copy goes under the array and index (the owner).
            case Opcodes.DUP_X1:
                return copyUnder(1, 1);
            case Opcodes.DUP_X2:
                return copyUnder(1, 2);
            case Opcodes.DUP2_X1:
                return copyUnder(2, 1);
            case Opcodes.DUP2_X2:
                return copyUnder(2, 2);
            default:
                return -1;
        }
    }

    /** The depth after popping {@code pops} words and pushing {@code pushes}, or -1 when it would reach below. */
    private int pop(int pops, int pushes) {
        return pops > depth ? -1 : depth - pops + pushes;
    }

    /** A DUPn_Xk: within what we track, or exactly under the words the write consumes; -1 otherwise. */
    private int copyUnder(int copied, int skipped) {
        if (copied + skipped <= depth) {
            return depth + copied;
        }
        return depth == copied && skipped == belowWords ? depth : -1;
    }
}
