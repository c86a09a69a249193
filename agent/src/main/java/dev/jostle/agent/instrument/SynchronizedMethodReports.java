package dev.jostle.agent.instrument;

import dev.jostle.agent.bootstrap.Event;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reports the monitor a synchronized method holds, which no instruction of its own takes or releases: the
 * acquire before its first instruction, the release before each return, and the release when an exception
 * leaves it, through a catch-all handler after its last instruction. For any other method it adds nothing.
 */
final class SynchronizedMethodReports {

    private final MethodVisitor next;
    private final HookEmitter hooks;
    private final InstrumentingClassVisitor type;
    private final MethodSites sites;
    private final boolean isSynchronized;
    private final boolean isStatic;
    /** The method takes its monitor in code, the flag removed (see {@link SynchronizedMethodEntries}). */
    private final boolean monitorInCode;
    /** When it does: the local it takes the monitor from, and every exit releases it from. */
    private final int monitorLocal;

    /** Whether the entry report is not emitted yet (it goes before the first instruction). */
    private boolean entryPending;
    private final List<Runnable> heldUntilEntry = new ArrayList<>();
    /** The method's first instruction: where its catch-all for exceptional exits starts. */
    private final Label methodStart = new Label();
    /** Whether the method stores into local 0, so that a handler cannot count on finding {@code this} there. */
    private boolean storesLocalZero;

    SynchronizedMethodReports(MethodVisitor next, HookEmitter hooks, InstrumentingClassVisitor type,
            MethodSites sites, int access, int monitorLocal) {
        this.next = next;
        this.hooks = hooks;
        this.type = type;
        this.sites = sites;
        this.isSynchronized = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.monitorInCode = monitorLocal != SynchronizedMethodEntries.FLAG_KEPT;
        this.monitorLocal = monitorLocal;
    }

    /** At the start of the method's code: marks where the catch-all for exceptional exits begins. */
    void start() {
        entryPending = isSynchronized;
        if (isSynchronized && !monitorInCode) {
            next.visitLabel(methodStart);
        }
    }

    /**
     * Whether labels, line numbers and frames are held back until the entry report: they precede the
     * first instruction, and the report must name its line and still sit before every label, so that a
     * loop that jumps back to the top of the method does not report the entry again.
     */
    boolean entryPending() {
        return entryPending;
    }

    /** Holds what precedes the first instruction (see {@link #entryPending}), in order. */
    void holdUntilEntry(Runnable visit) {
        heldUntilEntry.add(visit);
    }

    /**
     * Before the first instruction: the entry report, then what was held. The frame a held label carries
     * stays valid: the report leaves locals and stack as it found them.
     */
    void reportEntry() {
        if (!entryPending) {
            return;
        }
        entryPending = false;
        String monitor = isStatic ? type.className() + ".class" : type.className() + " (this)";
        int site = sites.register(Event.MONITOR_ENTER, monitor, false);
        if (monitorInCode) {
            // The enter with its point, as before a synchronized block's MONITORENTER; the catch-all region starts
            // once the monitor is held, so that nothing thrown before releases what was never taken. A static
            // method's class goes into its fresh local first: every exit's release must load it from there.
            if (isStatic) {
                next.visitLdcInsn(Type.getObjectType(type.internalName()));
                next.visitVarInsn(Opcodes.ASTORE, monitorLocal);
            }
            pushMonitor();
            next.visitInsn(Opcodes.DUP);
            hooks.hook("beforeMonitorEnter", HookEmitter.OWNER_SITE, site);
            next.visitInsn(Opcodes.MONITORENTER);
            next.visitLabel(methodStart);
        }
        // The JVM (or the code above) holds the monitor here: the acquire is reported.
        pushMonitor();
        hooks.hook("afterMonitorEnter", HookEmitter.OWNER_SITE, site);
        for (Runnable held : heldUntilEntry) {
            held.run();
        }
        heldUntilEntry.clear();
    }

    /** Notes a load or store of a local: a store into local 0 leaves the handler no {@code this} to find. */
    void localVariable(int opcode, int index) {
        storesLocalZero |= index == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE;
    }

    /** Before a return: the release, for a normal exit; an exception leaving is reported by {@link #finish}. */
    void beforeReturn() {
        if (isSynchronized) {
            exit();
        }
    }

    /** The release report, and the release itself when the method takes its monitor in code. */
    private void exit() {
        pushMonitor();
        if (monitorInCode) {
            next.visitInsn(Opcodes.DUP);
        }
        hooks.hook("beforeMonitorExit", HookEmitter.OWNER_SITE, sites.register(Event.MONITOR_EXIT, null, false));
        if (monitorInCode) {
            next.visitInsn(Opcodes.MONITOREXIT);
        }
    }

    /**
     * An exception leaving a synchronized method releases its monitor too, and the race detector must see
     * that release: unreported, the next thread to take the monitor looks unordered with everything this
     * one did under it, a race that is not there (a method that throws on bad input, say). So the whole
     * method, the handler copies included, gets a last catch-all entry, after every other, leading to
     * <pre>
     *   H: push monitor; push site; invokestatic beforeMonitorExit; athrow
     * </pre>
     * after the last instruction. Its stack map frame holds only {@code this} (for a static method nothing,
     * or its class in the fresh local it takes its monitor from), which every instruction's frame agrees
     * with, unless the method stores into local 0: then the exit stays unreported (javac never does that).
     * Called after the last instruction and the method's other handlers, before the exception table's end.
     */
    void finish() {
        if (!isSynchronized || (!isStatic && storesLocalZero)) {
            return;
        }
        Label end = new Label();
        Label handler = new Label();
        next.visitLabel(end);
        next.visitLabel(handler);
        throwableFrame();
        if (!monitorInCode) {
            exit();
            next.visitInsn(Opcodes.ATHROW);
            next.visitTryCatchBlock(methodStart, end, handler, null);
            return;
        }
        // The report is a call, and a call may throw while the method holds its monitor: unhandled, HotSpot's
        // monitor analysis finds "a non-empty monitor stack at exceptional exit" and neither compiler takes the
        // method. A second handler, with no call, releases the monitor if the report throws; not the first one
        // again, as javac would, since C1 refuses a handler that covers a call of its own.
        Label reportStart = new Label();
        Label reportEnd = new Label();
        Label releaseOnly = new Label();
        pushMonitor();
        next.visitInsn(Opcodes.DUP);
        next.visitLabel(reportStart);
        hooks.hook("beforeMonitorExit", HookEmitter.OWNER_SITE, sites.register(Event.MONITOR_EXIT, null, false));
        next.visitLabel(reportEnd);
        next.visitInsn(Opcodes.MONITOREXIT);
        next.visitInsn(Opcodes.ATHROW);
        next.visitLabel(releaseOnly);
        throwableFrame();
        pushMonitor();
        next.visitInsn(Opcodes.MONITOREXIT);
        next.visitInsn(Opcodes.ATHROW);
        next.visitTryCatchBlock(methodStart, end, handler, null);
        next.visitTryCatchBlock(reportStart, reportEnd, releaseOnly, null);
    }

    /**
     * The frame at a catch-all handler: only {@code this} (nothing for a static method, whose fresh local
     * {@link ClassInFreshLocal} adds), the exception.
     */
    private void throwableFrame() {
        if ((type.version() & 0xFFFF) >= Opcodes.V1_6) {
            Object[] locals = isStatic ? new Object[0] : new Object[] {type.internalName()};
            next.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
        }
    }

    private void pushMonitor() {
        if (monitorInCode) {
            next.visitVarInsn(Opcodes.ALOAD, monitorLocal);
        } else if (!isStatic) {
            next.visitVarInsn(Opcodes.ALOAD, 0);
        } else if ((type.version() & 0xFFFF) >= Opcodes.V1_5) {
            next.visitLdcInsn(Type.getObjectType(type.internalName()));
        } else {
            next.visitInsn(Opcodes.ACONST_NULL); // class literals need class file version 49
        }
    }
}
