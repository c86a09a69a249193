package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.HookEmitter.ARRAY_INDEX_SITE;
import static dev.jostle.agent.instrument.HookEmitter.OWNER_SITE;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Writes a field or array access together with the hook call that reports it: the stack shuffles that
 * hand the hook a copy of the owner (or of the array and index) and the site, then the access itself.
 * Which accesses are reported, and whether a read waits for its write-back, is the method visitor's call.
 */
final class AccessReports {

    private final MethodVisitor next;
    private final HookEmitter hooks;

    AccessReports(MethodVisitor next, HookEmitter hooks) {
        this.next = next;
        this.hooks = hooks;
    }

    /** ..., array, index -> ..., value: the report (for update: its value goes straight back), then the read. */
    void arrayRead(int opcode, int site, boolean forUpdate) {
        // ..., array, index -> ..., array, index, array, index, site
        next.visitInsn(Opcodes.DUP2);
        hooks.hook(forUpdate ? "beforeArrayReadForUpdate" : "beforeArrayRead", ARRAY_INDEX_SITE, site);
        next.visitInsn(opcode);
    }

    /** ..., array, index, value -> ...: the report, then the write. */
    void arrayWrite(int opcode, int site) {
        if (opcode == Opcodes.LASTORE || opcode == Opcodes.DASTORE) {
            // ..., array, index, value(2) -> value, array, index, value -> value, array, index
            next.visitInsn(Opcodes.DUP2_X2);
            next.visitInsn(Opcodes.POP2);
            // -> array, index, value, array, index
            next.visitInsn(Opcodes.DUP2_X2);
        } else {
            // ..., array, index, value -> value, array, index, value -> value, array, index
            next.visitInsn(Opcodes.DUP_X2);
            next.visitInsn(Opcodes.POP);
            // -> array, index, value, array, index
            next.visitInsn(Opcodes.DUP2_X1);
        }
        hooks.hook("beforeArrayWrite", ARRAY_INDEX_SITE, site);
        next.visitInsn(opcode);
    }

    /**
     * A GETFIELD or GETSTATIC: the report (for update: its value goes straight back), the read, and for a
     * volatile field the report of the read done, which orders the reader after the last writer.
     */
    void fieldRead(int opcode, String owner, String name, String descriptor, int site, boolean isVolatile,
            boolean forUpdate) {
        String hook = forUpdate ? "beforeFieldReadForUpdate" : "beforeFieldRead";
        if (opcode == Opcodes.GETSTATIC) {
            next.visitInsn(Opcodes.ACONST_NULL);
            hooks.hook(hook, OWNER_SITE, site);
            next.visitFieldInsn(opcode, owner, name, descriptor);
            if (isVolatile) {
                next.visitInsn(Opcodes.ACONST_NULL);
                hooks.hook("afterVolatileRead", OWNER_SITE, site);
            }
            return;
        }
        // ..., owner -> owner, owner, site
        next.visitInsn(Opcodes.DUP);
        if (isVolatile) {
            next.visitInsn(Opcodes.DUP); // a second copy for afterVolatileRead
        }
        hooks.hook(hook, OWNER_SITE, site);
        next.visitFieldInsn(opcode, owner, name, descriptor);
        if (isVolatile) {
            // ..., owner, value -> ..., value, owner
            if (isWide(descriptor)) {
                next.visitInsn(Opcodes.DUP2_X1);
                next.visitInsn(Opcodes.POP2);
            } else {
                next.visitInsn(Opcodes.SWAP);
            }
            hooks.hook("afterVolatileRead", OWNER_SITE, site);
        }
    }

    /** A PUTFIELD or PUTSTATIC: the report, then the write. */
    void fieldWrite(int opcode, String owner, String name, String descriptor, int site) {
        if (opcode == Opcodes.PUTSTATIC) {
            next.visitInsn(Opcodes.ACONST_NULL);
        } else if (isWide(descriptor)) {
            // ..., owner, value(2) -> value, owner, value -> value, owner -> owner, value, owner
            next.visitInsn(Opcodes.DUP2_X1);
            next.visitInsn(Opcodes.POP2);
            next.visitInsn(Opcodes.DUP_X2);
        } else {
            // ..., owner, value -> owner, value, owner, value -> owner, value, owner
            next.visitInsn(Opcodes.DUP2);
            next.visitInsn(Opcodes.POP);
        }
        hooks.hook("beforeFieldWrite", OWNER_SITE, site);
        next.visitFieldInsn(opcode, owner, name, descriptor);
    }

    /** How a report names the array an opcode reads or writes. */
    static String arrayType(int opcode) {
        switch (opcode) {
            case Opcodes.IALOAD:
            case Opcodes.IASTORE:
                return "int[]";
            case Opcodes.LALOAD:
            case Opcodes.LASTORE:
                return "long[]";
            case Opcodes.FALOAD:
            case Opcodes.FASTORE:
                return "float[]";
            case Opcodes.DALOAD:
            case Opcodes.DASTORE:
                return "double[]";
            case Opcodes.BALOAD:
            case Opcodes.BASTORE:
                return "byte[] or boolean[]"; // one opcode for both; telling them apart needs a type analysis
            case Opcodes.CALOAD:
            case Opcodes.CASTORE:
                return "char[]";
            case Opcodes.SALOAD:
            case Opcodes.SASTORE:
                return "short[]";
            default:
                return "Object[]";
        }
    }

    private static boolean isWide(String descriptor) {
        return "J".equals(descriptor) || "D".equals(descriptor);
    }
}
