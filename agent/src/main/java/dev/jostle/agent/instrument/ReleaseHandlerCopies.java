package dev.jostle.agent.instrument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Moves the release report out of the catch-all handler javac (or ecj) gives a synchronized block, so that
 * HotSpot's C1 compiler accepts the method.
 *
 * <p>javac compiles {@code synchronized (lock) { body }} to
 * <pre>
 *      monitorenter; body; aload L; monitorexit; goto next
 *   H: astore t; aload L; monitorexit; aload t; athrow
 * </pre>
 * with catch-all entries {@code [body) -> H} and {@code [H, after H's monitorexit) -> H} (or one entry
 * over both): H covers itself, so that a failed release is retried. A release report before H's monitorexit
 * is a call inside H's own block, covered by H, and C1 gives up on such a method ("exception handler covers
 * itself"): it runs interpreted until C2 takes it, seconds later, and far longer under race detection.
 *
 * <p>The Eclipse compiler (ecj) leaves the exception on the stack, {@code H: aload L; monitorexit; athrow},
 * under one entry over the body and H up to its release: the same self-cover, one instruction shorter. What follows H's MONITOREXIT is not checked: both compilers rethrow there,
 * and a catch-all that released a monitor and then swallowed the exception would be no synchronized block.
 *
 * <p>For exactly these two shapes, H's own monitorexit gets no report, and a copy of the handler that reports
 * goes after the method's last instruction:
 * <pre>
 *   H': aload L; push site; invokestatic beforeMonitorExit; aload L; monitorexit; athrow
 * </pre>
 * The body's entries lead to H' instead of H, and {@code [H', after its monitorexit) -> H} keeps the
 * retry: if the report or the release fails, H releases as before. The entries that covered H (an
 * enclosing synchronized block or try) cover H' too, in the same order, so its athrow goes where H's went.
 * H' starts in the same state as H (the exception on the stack, the same locals), so it carries H's stack
 * map frame, written out in full since it follows the method's last frame. Every other shape (other
 * instructions, a second entry that covers H, no frame to copy) keeps the report in H: correct, only
 * slower.
 *
 * <p>The exception table is held back until the end of the method, when the copies exist; the order of
 * its entries is kept, as it decides which handler an exception reaches.
 */
final class ReleaseHandlerCopies {

    private final MethodVisitor next;
    private final boolean needsFrames;
    /** The locals of the last stack map frame, expanded: one entry per local, long and double as one. */
    private final List<Object> locals = new ArrayList<>();

    private final List<Entry> entries = new ArrayList<>();
    /** Whether the table was passed on at once because no entry has the synchronized-block shape. */
    private boolean passedOn;
    private boolean settled;

    private final Set<Label> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private int instructions;
    /** The handler whose first instructions are being matched, or null. */
    private Copy matching;
    private final List<Copy> copies = new ArrayList<>();

    ReleaseHandlerCopies(MethodVisitor next, int classVersion, int access, String owner, String name,
            String descriptor) {
        this.next = next;
        this.needsFrames = (classVersion & 0xFFFF) >= Opcodes.V1_6;
        if ((access & Opcodes.ACC_STATIC) == 0) {
            locals.add("<init>".equals(name) ? Opcodes.UNINITIALIZED_THIS : owner);
        }
        for (Type argument : Type.getArgumentTypes(descriptor)) {
            locals.add(frameType(argument));
        }
    }

    /** Records an exception table entry; passed on now, or at {@link #finish} if a copy may change it. */
    void tryCatchBlock(Label start, Label end, Label handler, String type) {
        Entry entry = new Entry(start, end, handler, type);
        if (passedOn) {
            entry.passOn(next, entry.handler);
        } else {
            entries.add(entry);
        }
    }

    void label(Label label) {
        settle();
        visited.add(label);
        if (passedOn || matching != null) {
            return;
        }
        Entry self = null;
        List<Entry> around = new ArrayList<>();
        for (Entry entry : entries) {
            if (!covers(entry)) {
                continue;
            }
            if (entry.handler != label) {
                around.add(entry);
            } else if (self != null || entry.type != null) {
                return; // covered by two of its own entries: not javac's shape
            } else {
                self = entry;
            }
        }
        if (self != null) {
            matching = new Copy(label, self, around, instructions);
            for (Entry entry : around) {
                if (visited.contains(entry.handler)) {
                    matching.pastTheirHandlers.add(entry);
                }
            }
        }
    }

    void frame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        settle();
        FrameLocals.update(locals, type, numLocal, local);
        if (matching != null && matching.firstInstruction == instructions && matching.frameLocals == null) {
            matching.frameType = type == Opcodes.F_NEW ? Opcodes.F_NEW : Opcodes.F_FULL;
            matching.frameLocals = locals.toArray();
            matching.frameStack = Arrays.copyOf(stack, numStack);
        }
    }

    /** Counts an instruction; {@code var} is the local of a load or store, else -1. */
    void instruction(int opcode, int var) {
        settle();
        instructions++;
        if (matching == null) {
            return;
        }
        int position = instructions - matching.firstInstruction;
        if (position == 1 && opcode == Opcodes.ASTORE) {
            matching.storesException = true; // javac's shape; ecj's starts with the ALOAD
            return;
        }
        if (position == matching.releaseAt() - 1 && opcode == Opcodes.ALOAD) {
            matching.lock = var;
            return;
        }
        if (position == matching.releaseAt() && opcode == Opcodes.MONITOREXIT && matching.lock >= 0
                && (matching.frameLocals != null || !needsFrames)) {
            return;
        }
        matching = null; // another shape: the handler keeps its report
    }

    /**
     * Whether the MONITOREXIT just counted is a handler's own release that its copy reports: then it must
     * get no report of its own.
     */
    boolean relocates(int site) {
        if (matching == null || instructions - matching.firstInstruction != matching.releaseAt()) {
            return false;
        }
        matching.site = site;
        copies.add(matching);
        matching = null;
        return true;
    }

    /** Writes the copies after the method's last instruction, then the exception table. */
    void finish(HookEmitter hooks) {
        settle();
        for (Copy copy : copies) {
            next.visitLabel(copy.start);
            if (copy.frameLocals != null) {
                next.visitFrame(copy.frameType, copy.frameLocals.length, copy.frameLocals, copy.frameStack.length,
                        copy.frameStack);
            }
            next.visitVarInsn(Opcodes.ALOAD, copy.lock);
            hooks.hook("beforeMonitorExit", HookEmitter.OWNER_SITE, copy.site);
            next.visitVarInsn(Opcodes.ALOAD, copy.lock);
            next.visitInsn(Opcodes.MONITOREXIT);
            next.visitLabel(copy.released);
            next.visitInsn(Opcodes.ATHROW);
            next.visitLabel(copy.end);
        }
        if (passedOn) {
            return;
        }
        for (Entry entry : entries) {
            Copy copy = copyOf(entry.handler);
            if (copy == null) {
                entry.passOn(next, entry.handler);
            } else if (entry != copy.self) {
                entry.passOn(next, copy.start); // the body: its exceptions now reach the reporting copy
            } else if (entry.start == copy.handler) {
                entry.passOn(next, entry.handler); // the handler's own retry
            } else { // one entry over body and handler: split it where the handler starts
                next.visitTryCatchBlock(entry.start, copy.handler, copy.start, null);
                next.visitTryCatchBlock(copy.handler, entry.end, copy.handler, null);
            }
        }
        for (Copy copy : copies) {
            for (Entry entry : entries) { // in table order, as for the handler the copy stands in for
                if (entry == copy.self) {
                    next.visitTryCatchBlock(copy.start, copy.released, copy.handler, null);
                } else if (copy.around.contains(entry)) {
                    next.visitTryCatchBlock(copy.start, copy.end, leadsTo(copy, entry), entry.type);
                }
            }
        }
    }

    private Copy copyOf(Label handler) {
        for (Copy copy : copies) {
            if (copy.handler == handler) {
                return copy;
            }
        }
        return null;
    }

    /**
     * Where an entry around a copied handler leads from inside it: to the copy of its own handler if that
     * has one (unless it is that handler's own entry and the copied handler lies past where it is split).
     */
    private Label leadsTo(Copy copy, Entry around) {
        Copy outer = copyOf(around.handler);
        if (outer == null || (around == outer.self && copy.pastTheirHandlers.contains(around))) {
            return around.handler;
        }
        return outer.start;
    }

    /** Before the first label, frame or instruction: the table is complete; pass it on if nothing may change. */
    private void settle() {
        if (settled) {
            return;
        }
        settled = true;
        for (Entry entry : entries) {
            if (entry.type == null) {
                return; // a catch-all entry: maybe a synchronized block's
            }
        }
        passedOn = true;
        for (Entry entry : entries) {
            entry.passOn(next, entry.handler);
        }
        entries.clear();
    }

    /** Whether an entry covers the instruction at the label just reached. */
    private boolean covers(Entry entry) {
        return visited.contains(entry.start) && !visited.contains(entry.end);
    }

    /** The stack map frame entry for a local of this type. */
    static Object frameType(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default: // objects and arrays
                return type.getInternalName();
        }
    }

    private static final class Entry {
        final Label start;
        final Label end;
        final Label handler;
        final String type;

        Entry(Label start, Label end, Label handler, String type) {
            this.start = start;
            this.end = end;
            this.handler = handler;
            this.type = type;
        }

        void passOn(MethodVisitor next, Label to) {
            next.visitTryCatchBlock(start, end, to, type);
        }
    }

    /** A handler of the synchronized-block shape, and what its copy needs. */
    private static final class Copy {
        final Label handler;
        final Entry self;
        /** The other entries that cover the handler, in table order. */
        final List<Entry> around;
        /** Those of {@link #around} whose own handler lies before this one (where a split entry goes on). */
        final List<Entry> pastTheirHandlers = new ArrayList<>();
        final int firstInstruction;
        final Label start = new Label();
        final Label released = new Label();
        final Label end = new Label();
        /** javac's handler stores the exception first; ecj's keeps it on the stack. */
        boolean storesException;
        int lock = -1;
        int site;
        int frameType;
        Object[] frameLocals;
        Object[] frameStack;

        Copy(Label handler, Entry self, List<Entry> around, int firstInstruction) {
            this.handler = handler;
            this.self = self;
            this.around = around;
            this.firstInstruction = firstInstruction;
        }

        /** The handler's MONITOREXIT, counted from its first instruction (1). */
        int releaseAt() {
            return storesException ? 3 : 2;
        }
    }
}
