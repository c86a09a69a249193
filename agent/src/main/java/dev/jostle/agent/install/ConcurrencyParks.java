package dev.jostle.agent.install;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites the {@code LockSupport} park and unpark calls inside {@code java.util.concurrent} (AQS and its
 * conditions, futures, queues, exchangers, phasers) into {@code Hooks.jdk*} calls, the way Lincheck instruments
 * the JDK classes blocking rests on: a controlled round then sees a thread block in a lock, latch, queue or
 * future and schedules another, instead of holding the baton while it blocks unseen. The threads these classes
 * start (an executor's workers) are reported before they start, so that a round waits for them to arrive. Their
 * {@code System.nanoTime()} calls read the round's clock ({@code Hooks.jdkNanoTime}): a timed poll, await or
 * get then times out at the same step in every run, where the real clock would make it re-park as often as the
 * machine's speed allows. Their {@code Thread.sleep} calls ({@code TimeUnit.sleep}, which tests use a lot)
 * sleep on that clock too, where the holder would otherwise sleep with the baton.
 *
 * <p>Only call instructions change, to static calls with the same arguments, so the classes already loaded
 * (most of {@code java.util.concurrent} is loaded at start-up) can be retransformed: no schema change, no new
 * stack map frame. {@code java.base} is given a read edge to the boot class path's unnamed module, where
 * {@code Hooks} lives. Any failure leaves the JDK as it was: controlled rounds then fall back as before.
 */
public final class ConcurrencyParks implements ClassFileTransformer {

    static final String PACKAGE = "java/util/concurrent/";
    static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
    static final String HOOKS = "dev/jostle/agent/bootstrap/Hooks";
    private static final String STARTING_HOOK = "jdkThreadStarting";
    private static final byte[] LOCK_SUPPORT_BYTES = LOCK_SUPPORT.getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] THREAD_BYTES = "java/lang/Thread".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NANO_TIME_BYTES = "nanoTime".getBytes(StandardCharsets.ISO_8859_1);
    private static final String CLOCK_HOOK = "jdkNanoTime";
    private static final String SLEEP_HOOK = "jdkSleep";

    /** The rewritten calls: {@code LockSupport.name(descriptor)} becomes {@code Hooks.hook(descriptor)}. */
    enum Call {
        PARK("park", "()V", "jdkPark"),
        PARK_BLOCKER("park", "(Ljava/lang/Object;)V", "jdkPark"),
        PARK_NANOS("parkNanos", "(J)V", "jdkParkNanos"),
        PARK_NANOS_BLOCKER("parkNanos", "(Ljava/lang/Object;J)V", "jdkParkNanos"),
        UNPARK("unpark", "(Ljava/lang/Thread;)V", "jdkUnpark");

        final String name;
        final String descriptor;
        final String hook;

        Call(String name, String descriptor, String hook) {
            this.name = name;
            this.descriptor = descriptor;
            this.hook = hook;
        }

        static Call of(String name, String descriptor) {
            for (Call call : values()) {
                if (call.name.equals(name) && call.descriptor.equals(descriptor)) {
                    return call;
                }
            }
            return null;
        }
    }

    private static boolean installed;

    /**
     * Registers the transformer and retransforms the loaded {@code java.util.concurrent} classes; once per JVM.
     * Never throws: a failure prints one line and leaves the JDK alone.
     */
    public static synchronized void install(Instrumentation inst, boolean verbose) {
        if (installed) {
            return;
        }
        ConcurrencyParks transformer = new ConcurrencyParks();
        boolean added = false;
        try {
            Class<?> hooks = Class.forName(HOOKS.replace('/', '.'), true, null);
            Class.forName("dev.jostle.agent.bootstrap.Probes", true, null); // initialised before JDK code calls it
            inst.redefineModule(Object.class.getModule(), Set.of(hooks.getModule()), Map.of(), Map.of(), Set.of(),
                    Map.of());
            inst.addTransformer(transformer, true);
            added = true;
            List<Class<?>> loaded = loadedConcurrencyClasses(inst);
            if (!loaded.isEmpty()) {
                inst.retransformClasses(loaded.toArray(new Class<?>[0]));
            }
            installed = true;
            if (verbose) {
                System.err.println("jostle: java.util.concurrent's parks are modelled (" + loaded.size()
                        + " loaded classes retransformed)");
            }
        } catch (Throwable failure) {
            if (added) {
                inst.removeTransformer(transformer);
            }
            System.err.println("jostle: controlled rounds will not see blocking inside java.util.concurrent: "
                    + failure);
        }
    }

    private static List<Class<?>> loadedConcurrencyClasses(Instrumentation inst) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : inst.getAllLoadedClasses()) {
            String name = type.getName();
            if (type.getClassLoader() == null && name.startsWith("java.util.concurrent.") && !type.isHidden()
                    && !type.isArray() && inst.isModifiableClass(type)
                    && !name.equals(LOCK_SUPPORT.replace('/', '.'))) {
                found.add(type);
            }
        }
        return found;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (loader != null || !applies(className)
                || !mentions(classFile, LOCK_SUPPORT_BYTES) && !mentions(classFile, THREAD_BYTES)
                && !mentions(classFile, NANO_TIME_BYTES)) {
            return null;
        }
        try {
            return rewrite(classFile);
        } catch (Throwable failure) {
            return null; // the class stays as it was; a controlled round then falls back where it blocks
        }
    }

    static boolean applies(String className) {
        return className != null && className.startsWith(PACKAGE) && !className.equals(LOCK_SUPPORT);
    }

    /**
     * The class file with its LockSupport calls rewritten and a report before each thread start
     * ({@code Thread.start()}, or {@code container.start(thread)} from JDK 21 on: an executor's new worker, a
     * {@code CompletableFuture}'s thread per task), or null when nothing changed.
     */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor target = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM9, target) {
                    private boolean reported;

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                            boolean isInterface) {
                        if (startsAThread(opcode, owner, method, desc)) {
                            // The thread is on top of the stack: report it, then start it as written.
                            super.visitInsn(Opcodes.DUP);
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, STARTING_HOOK, "(Ljava/lang/Thread;)V",
                                    false);
                            reported = true;
                            changed[0] = true;
                        }
                        Call call = opcode == Opcodes.INVOKESTATIC && LOCK_SUPPORT.equals(owner)
                                ? Call.of(method, desc) : null;
                        if (readsTheClock(opcode, owner, method, desc)) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, CLOCK_HOOK, desc, false);
                        } else if (sleeps(opcode, owner, method, desc)) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, SLEEP_HOOK, desc, false);
                        } else if (call == null) {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        } else {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, call.hook, call.descriptor, false);
                        }
                    }

                    @Override
                    public void visitMaxs(int maxStack, int maxLocals) {
                        super.visitMaxs(reported ? maxStack + 1 : maxStack, maxLocals); // the DUP
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    private static boolean readsTheClock(int opcode, String owner, String method, String desc) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && method.equals("nanoTime")
                && desc.equals("()J");
    }

    private static boolean sleeps(int opcode, String owner, String method, String desc) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/Thread") && method.equals("sleep")
                && (desc.equals("(J)V") || desc.equals("(JI)V"));
    }

    private static boolean startsAThread(int opcode, String owner, String method, String desc) {
        if (opcode != Opcodes.INVOKEVIRTUAL || !method.equals("start")) {
            return false;
        }
        return owner.equals("java/lang/Thread") && desc.equals("()V")
                || owner.startsWith("jdk/internal/vm/") && desc.equals("(Ljava/lang/Thread;)V");
    }

    /** A class that calls LockSupport or Thread names it in its constant pool: others are skipped unparsed. */
    private static boolean mentions(byte[] classFile, byte[] name) {
        outer:
        for (int at = 0; at <= classFile.length - name.length; at++) {
            for (int i = 0; i < name.length; i++) {
                if (classFile[at + i] != name[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
