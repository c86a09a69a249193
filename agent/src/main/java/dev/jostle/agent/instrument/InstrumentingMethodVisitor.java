package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.HookEmitter.OWNER_SITE;
import static dev.jostle.agent.instrument.HookEmitter.SITE_ONLY;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Inserts calls to {@code Hooks} around the instructions where threads meet: field and array accesses,
 * monitor enter and exit, and calls that synchronise. Every insertion is straight-line code that leaves
 * the operand stack as it found it, so no stack map frame changes; only {@code maxStack} grows.
 *
 * <p>Each instrumented instruction gets a site id from {@link Sites} when the class is transformed, so a
 * hook receives one int and reports can still name class, method, source line and member.
 *
 * <p>This class follows the instruction stream and decides what is reported where (a read held for its
 * write-back, a block's acquire at the next instruction, a constructor's uninitialised {@code this}); its
 * collaborators write the code: {@link AccessReports} the field and array accesses,
 * {@link SynchronizedMethodReports} a synchronized method's own monitor, {@link ReleaseHandlerCopies} the
 * release of a synchronized block that throws.
 */
final class InstrumentingMethodVisitor extends MethodVisitor {

    /** The most words an insertion pushes beyond the original instruction's own stack use. */
    private static final int EXTRA_STACK = 4;

    private final InstrumentingClassVisitor type;
    private final boolean isConstructor;
    private final boolean isClassInitializer;
    private final TypeFacts facts;
    private final HookEmitter hooks;
    private final AccessReports accesses;
    private final MethodSites sites;
    private final SynchronizedMethodReports synchronizedMethod;

    /** In a constructor: whether {@code this} is initialised (the super or this constructor returned). */
    private boolean thisInitialized;
    /** In a constructor: objects created by NEW whose constructor has not been called yet. */
    private int pendingNews;
    /** The site of a MONITORENTER whose acquire is not reported yet (see {@link #monitorEnter}), or 0. */
    private int monitorEntryPending;
    private final ReleaseHandlerCopies releaseHandlers;
    /** The original instruction before the one being visited, and that one; -1 across labels and frames. */
    private int previousOpcode = -1;
    private int currentOpcode = -1;
    /** A read held back to learn whether its value is written straight back, and what followed it. */
    private ReadForUpdate pendingRead;
    private final List<Runnable> afterPendingRead = new ArrayList<>();

    /**
     * @param monitorLocal for a synchronized method that takes its monitor in code, the local it takes it
     *     from (see {@link SynchronizedMethodEntries}), else {@code FLAG_KEPT}; {@code access} is still the
     *     declared one
     */
    InstrumentingMethodVisitor(MethodVisitor next, InstrumentingClassVisitor type, int access, String name,
            String descriptor, int monitorLocal) {
        super(OpenedClassReader.ASM_API, next);
        this.type = type;
        this.isConstructor = "<init>".equals(name);
        this.isClassInitializer = "<clinit>".equals(name);
        this.facts = type.facts();
        this.hooks = new HookEmitter(next);
        this.accesses = new AccessReports(next, hooks);
        this.sites = new MethodSites(type, name);
        this.synchronizedMethod = new SynchronizedMethodReports(next, hooks, type, sites, access, monitorLocal);
        this.thisInitialized = !isConstructor;
        this.releaseHandlers = new ReleaseHandlerCopies(next, type.version(), access, type.internalName(), name,
                descriptor);
    }

    // ---- the instruction stream -------------------------------------------------------------------

    @Override
    public void visitCode() {
        super.visitCode();
        synchronizedMethod.start();
    }

    /** Before an original instruction: lets {@link ReleaseHandlerCopies} count it, then the held reports. */
    private void beforeInstruction(int opcode, int var) {
        releaseHandlers.instruction(opcode, var);
        previousOpcode = currentOpcode;
        currentOpcode = opcode;
        beforeInstruction();
    }

    /** Where the original code is not straight-line: a held read is reported as it is, no pattern spans it. */
    private void notAnInstruction() {
        releasePendingRead(false);
        previousOpcode = -1;
        currentOpcode = -1;
    }

    /**
     * While a read is held, an instruction that may stand between it and its write-back is held too;
     * any other releases the read as a plain one first. Returns whether the instruction was held.
     */
    private boolean held(int opcode, Object constant, Runnable instruction) {
        if (pendingRead == null) {
            return false;
        }
        if (pendingRead.admits(opcode, constant)) {
            afterPendingRead.add(instruction);
            return true;
        }
        releasePendingRead(false);
        return false;
    }

    /** Emits the held read, with the update-read hook when its value is being written back, and what followed. */
    private void releasePendingRead(boolean writtenBack) {
        ReadForUpdate read = pendingRead;
        if (read == null) {
            return;
        }
        pendingRead = null;
        if (read.owner == null) {
            accesses.arrayRead(read.opcode, read.site, writtenBack);
        } else {
            accesses.fieldRead(read.opcode, read.owner, read.name, read.descriptor, read.site, false, writtenBack);
        }
        for (Runnable instruction : afterPendingRead) {
            instruction.run();
        }
        afterPendingRead.clear();
    }

    /** The reports that wait for an instruction: a block's acquire, then a synchronized method's entry. */
    private void beforeInstruction() {
        if (monitorEntryPending != 0) {
            int site = monitorEntryPending;
            monitorEntryPending = 0;
            hooks.hook("afterMonitorEntered", SITE_ONLY, site);
        }
        synchronizedMethod.reportEntry();
    }

    @Override
    public void visitLabel(Label label) {
        notAnInstruction();
        releaseHandlers.label(label);
        if (synchronizedMethod.entryPending()) {
            synchronizedMethod.holdUntilEntry(() -> super.visitLabel(label));
            return;
        }
        super.visitLabel(label);
    }

    @Override
    public void visitFrame(int frameType, int numLocal, Object[] local, int numStack, Object[] stack) {
        notAnInstruction();
        releaseHandlers.frame(frameType, numLocal, local, numStack, stack);
        if (synchronizedMethod.entryPending()) {
            synchronizedMethod.holdUntilEntry(() -> super.visitFrame(frameType, numLocal, local, numStack, stack));
            return;
        }
        super.visitFrame(frameType, numLocal, local, numStack, stack);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
        notAnInstruction();
        releaseHandlers.tryCatchBlock(start, end, handler, type);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        notAnInstruction();
        sites.line(line);
        if (synchronizedMethod.entryPending()) {
            synchronizedMethod.holdUntilEntry(() -> super.visitLineNumber(line, start));
            return;
        }
        super.visitLineNumber(line, start);
    }

    /** Comes right after the instruction it annotates, which a held read may still be holding. */
    @Override
    public net.bytebuddy.jar.asm.AnnotationVisitor visitInsnAnnotation(int typeRef,
            net.bytebuddy.jar.asm.TypePath typePath, String descriptor, boolean visible) {
        releasePendingRead(false);
        return super.visitInsnAnnotation(typeRef, typePath, descriptor, visible);
    }

    // ---- instructions that are passed on unchanged ------------------------------------------------

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        beforeInstruction(opcode, varIndex);
        synchronizedMethod.localVariable(opcode, varIndex);
        if (held(opcode, null, () -> super.visitVarInsn(opcode, varIndex))) {
            return;
        }
        super.visitVarInsn(opcode, varIndex);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction(opcode, -1);
        if (held(opcode, null, () -> super.visitIntInsn(opcode, operand))) {
            return;
        }
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction(opcode, -1);
        releasePendingRead(false);
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction(Opcodes.LDC, -1);
        if (held(Opcodes.LDC, value, () -> super.visitLdcInsn(value))) {
            return;
        }
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        beforeInstruction(Opcodes.IINC, varIndex);
        if (held(Opcodes.IINC, null, () -> super.visitIincInsn(varIndex, increment))) {
            return;
        }
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction(Opcodes.TABLESWITCH, -1);
        releasePendingRead(false);
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction(Opcodes.LOOKUPSWITCH, -1);
        releasePendingRead(false);
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction(Opcodes.MULTIANEWARRAY, -1);
        releasePendingRead(false);
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, net.bytebuddy.jar.asm.Handle bootstrapMethodHandle,
            Object... bootstrapMethodArguments) {
        beforeInstruction(Opcodes.INVOKEDYNAMIC, -1);
        releasePendingRead(false);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
    }

    // ---- plain instructions: arrays, monitors, returns ----------------------------------------------

    @Override
    public void visitInsn(int opcode) {
        beforeInstruction(opcode, -1);
        if (pendingRead != null && opcode >= Opcodes.IASTORE && opcode <= Opcodes.SASTORE) {
            releasePendingRead(pendingRead.isArrayWriteBack(opcode));
        }
        if (held(opcode, null, () -> super.visitInsn(opcode))) {
            return;
        }
        switch (opcode) {
            case Opcodes.IALOAD:
            case Opcodes.LALOAD:
            case Opcodes.FALOAD:
            case Opcodes.DALOAD:
            case Opcodes.AALOAD:
            case Opcodes.BALOAD:
            case Opcodes.CALOAD:
            case Opcodes.SALOAD:
                arrayRead(opcode);
                return; // the read itself is emitted, or held (see ReadForUpdate)
            case Opcodes.IASTORE:
            case Opcodes.LASTORE:
            case Opcodes.FASTORE:
            case Opcodes.DASTORE:
            case Opcodes.AASTORE:
            case Opcodes.BASTORE:
            case Opcodes.CASTORE:
            case Opcodes.SASTORE:
                accesses.arrayWrite(opcode, register(Event.ARRAY_WRITE, AccessReports.arrayType(opcode), false));
                return;
            case Opcodes.MONITORENTER:
                monitorEnter();
                return;
            case Opcodes.MONITOREXIT:
                int exitSite = register(Event.MONITOR_EXIT, null, false);
                if (releaseHandlers.relocates(exitSite)) {
                    break; // javac's handler for a throwing block: its copy reports the release
                }
                // ..., monitor -> ..., monitor, monitor, site
                super.visitInsn(Opcodes.DUP);
                hooks.hook("beforeMonitorExit", OWNER_SITE, exitSite);
                break;
            case Opcodes.IRETURN:
            case Opcodes.LRETURN:
            case Opcodes.FRETURN:
            case Opcodes.DRETURN:
            case Opcodes.ARETURN:
            case Opcodes.RETURN:
                synchronizedMethod.beforeReturn();
                break;
            default:
                break;
        }
        super.visitInsn(opcode);
    }

    /** Reports and performs an array read, or holds it back when it may be read for update. */
    private void arrayRead(int opcode) {
        int site = register(Event.ARRAY_READ, AccessReports.arrayType(opcode), false);
        if (previousOpcode == Opcodes.DUP2) {
            pendingRead = ReadForUpdate.ofArray(opcode, site);
            if (pendingRead != null) {
                return;
            }
        }
        accesses.arrayRead(opcode, site, false);
    }

    /**
     * Reports the enter before MONITORENTER, and the acquire at the next instruction. javac opens the
     * synchronized block's catch-all region right after MONITORENTER; a call placed between the two could
     * throw while the monitor is held with no handler to release it, and HotSpot then refuses to compile
     * the whole method (it ran 100 times slower). So the acquire waits for the next instruction, inside the
     * region, and carries only the site: no value crosses the label, so frames stay valid. The probe knows
     * which monitor the thread was entering from the enter report.
     */
    private void monitorEnter() {
        int site = register(Event.MONITOR_ENTER, null, false);
        // ..., monitor -> ..., monitor, monitor, site
        super.visitInsn(Opcodes.DUP);
        hooks.hook("beforeMonitorEnter", OWNER_SITE, site);
        super.visitInsn(Opcodes.MONITORENTER);
        monitorEntryPending = site;
    }

    // ---- fields -----------------------------------------------------------------------------------

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        beforeInstruction(opcode, -1);
        if (pendingRead != null) {
            // The write-back must be reported itself: it carries the read's check.
            releasePendingRead(pendingRead.isFieldWriteBack(opcode, owner, name, descriptor)
                    && instrumentsField(opcode, owner, name));
        }
        if (!instrumentsField(opcode, owner, name)) {
            super.visitFieldInsn(opcode, owner, name, descriptor);
            return;
        }
        boolean isVolatile = facts.field(owner, name) == TypeFacts.FieldKind.VOLATILE;
        String member = member(owner, name);
        if (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) {
            accesses.fieldWrite(opcode, owner, name, descriptor, register(Event.FIELD_WRITE, member, isVolatile));
            return;
        }
        int site = register(Event.FIELD_READ, member, isVolatile);
        // An instance read for update starts with DUP: the owner for the read, and one for the write-back.
        if (!isVolatile && (opcode == Opcodes.GETSTATIC || previousOpcode == Opcodes.DUP)) {
            pendingRead = ReadForUpdate.ofField(opcode, owner, name, descriptor, site);
            if (pendingRead != null) {
                return;
            }
        }
        accesses.fieldRead(opcode, owner, name, descriptor, site, isVolatile, false);
    }

    private boolean instrumentsField(int opcode, String owner, String name) {
        if (isClassInitializer && owner.equals(type.internalName())) {
            return false; // no other thread can see the class before its initialiser finished
        }
        if (opcode == Opcodes.PUTFIELD && !thisInitialized) {
            return false; // a write before super(): the owner is uninitialised and cannot be passed on
        }
        // Final fields are not shared-memory races: reads see the value the constructor froze, and
        // the only writes (in constructors and initialisers) happen before the object is published.
        return facts.field(owner, name) != TypeFacts.FieldKind.FINAL;
    }

    // ---- calls ------------------------------------------------------------------------------------

    @Override
    public void visitTypeInsn(int opcode, String operand) {
        beforeInstruction(opcode, -1);
        releasePendingRead(false);
        if (opcode == Opcodes.NEW && isConstructor && !thisInitialized) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, operand);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        beforeInstruction(opcode, -1);
        releasePendingRead(false);
        if (isConstructor && !thisInitialized && opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
            // Constructor calls pair up with NEWs in code order; the unpaired one initialises this.
            if (pendingNews > 0) {
                pendingNews--;
            } else {
                thisInitialized = true;
            }
        }
        HookedCall hooked = HookedCalls.replacing(opcode, owner, name, descriptor, facts);
        if (hooked != null) {
            // The hook performs the call itself, so the arguments stay on the stack; the site follows.
            hooks.hook(hooked.hook(), hooked.hookDescriptor(descriptor), hooked.event() == HookedCall.NO_SITE ? 0
                    : register(hooked.event(), member(owner, name), false));
            return;
        }
        if (HookedCalls.synchronises(opcode, owner, name, descriptor, facts)) {
            int site = register(Event.SYNC_CALL, member(owner, name), false);
            hooks.hook("beforeSyncCall", SITE_ONLY, site);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            // Normal returns only: reporting an exceptional one would need a handler (a branch).
            hooks.hook("afterSyncCall", SITE_ONLY, site);
            return;
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    private static String member(String owner, String name) {
        return owner.replace('/', '.') + "." + name;
    }

    // ---- the end of the method --------------------------------------------------------------------

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        notAnInstruction();
        beforeInstruction(); // a method without instructions cannot exist, but never drop held labels
        releaseHandlers.finish(hooks);
        synchronizedMethod.finish();
        super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
    }

    private int register(int kind, String member, boolean isVolatile) {
        return sites.register(kind, member, isVolatile);
    }
}
