package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MonitorInstrumentationTests {

    private Class<?> monitorsClass;
    private Object monitors;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        monitorsClass = new Fixtures().load("Monitors");
        monitors = monitorsClass.getConstructor().newInstance();
        probe = new RecordingProbe().name(monitors, "m").name(monitorsClass, "Monitors.class");
    }

    private static String at(String method, String marker) {
        return "@Monitors." + method + ":" + line("Monitors", marker);
    }

    @Test
    void synchronizedBlock_reportsEnterAfterEnterAndExit() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        Object value = probe.record(() -> call(monitors, "block", lock, 4));
        assertEquals(5, value);
        String enter = at("block", "block-enter");
        // javac gives the exit on the normal path the line of the return statement inside the block.
        String exit = "@Monitors.block:" + (line("Monitors", "block-enter") + 1);
        // The acquire names no monitor at the hook: the round's probe takes it from the enter report.
        assertEquals(List.of("monitor-enter lock " + enter, "after-monitor-enter null " + enter,
                "monitor-exit lock " + exit), probe.lines());
    }

    /**
     * HotSpot compiles a method with a synchronized block only if nothing that may throw sits between
     * MONITORENTER and javac's catch-all region; otherwise the method runs interpreted for ever.
     */
    @Test
    void synchronizedBlock_acquireReport_liesInsideTheBlocksProtectedRegion() throws Exception {
        byte[] original = getClass().getResourceAsStream("/dev/jostle/fixtures/Monitors.class").readAllBytes();
        byte[] instrumented = dev.jostle.agent.install.AgentInstaller.transformer(
                dev.jostle.agent.install.AgentConfig.read(null, new java.util.Properties()))
                .transform(new ClassLoader() { }, "dev/jostle/fixtures/Monitors", null, null, original);
        InstructionLayout block = InstructionLayout.of(instrumented, "block");

        assertTrue(block.monitorEnter >= 0 && block.acquire > block.monitorEnter, "acquire reported after MONITORENTER");
        assertTrue(block.isProtected(block.acquire), "the acquire report lies in a protected region");
        assertEquals(block.monitorEnter + 2, block.acquire, "only the site constant between MONITORENTER and it");
    }

    @Test
    void synchronizedMethod_reportsAcquireAtEntryAndReleaseAtReturn() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedMethod", 21));
        assertEquals(42, value);
        assertEquals(List.of(
                "after-monitor-enter m " + at("synchronizedMethod", "sync-return") + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedMethod", "sync-return")), probe.lines());
    }

    @Test
    void staticSynchronizedMethod_reportsTheClassAsMonitor() throws Exception {
        Object value = probe.record(() -> call(monitorsClass, "staticSynchronizedMethod", 5));
        assertEquals(15, value);
        assertEquals(List.of(
                "after-monitor-enter Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")
                        + " dev.jostle.fixtures.Monitors.class",
                "monitor-exit Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")),
                probe.lines());
    }

    @Test
    void synchronizedMethodThrowing_propagatesAndReportsOnlyTheAcquire() throws Exception {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "synchronizedThrowing")));
        assertEquals("from the fixture", thrown.getMessage());
        // Exceptional exits are not reported (documented in InstrumentingMethodVisitor).
        assertEquals(List.of("after-monitor-enter m " + at("synchronizedThrowing", "sync-throw")
                + " dev.jostle.fixtures.Monitors (this)"), probe.lines());
    }

    @Test
    void synchronizedMethodStartingWithALoop_reportsTheEntryOnce() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedLoop", 10));
        assertEquals(-2, value);
        // do-while jumps back to the method's first instruction: the entry report must sit before it.
        assertEquals(List.of("after-monitor-enter m " + at("synchronizedLoop", "loop-first")
                + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedLoop", "loop-return")), probe.lines());
    }

    /** Where a method's MONITORENTER, acquire report and try-catch regions sit, by instruction number. */
    private static final class InstructionLayout extends net.bytebuddy.jar.asm.MethodVisitor {
        int count;
        int monitorEnter = -1;
        int acquire = -1;
        final java.util.Map<net.bytebuddy.jar.asm.Label, Integer> labels = new java.util.HashMap<>();
        final List<net.bytebuddy.jar.asm.Label[]> regions = new java.util.ArrayList<>();

        InstructionLayout() {
            super(net.bytebuddy.jar.asm.Opcodes.ASM9);
        }

        static InstructionLayout of(byte[] classFile, String methodName) {
            InstructionLayout layout = new InstructionLayout();
            new net.bytebuddy.jar.asm.ClassReader(classFile).accept(new net.bytebuddy.jar.asm.ClassVisitor(
                    net.bytebuddy.jar.asm.Opcodes.ASM9) {
                @Override
                public net.bytebuddy.jar.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                        String signature, String[] exceptions) {
                    return name.equals(methodName) ? layout : null;
                }
            }, 0);
            return layout;
        }

        boolean isProtected(int instruction) {
            return regions.stream().anyMatch(r -> labels.get(r[0]) <= instruction && instruction < labels.get(r[1]));
        }

        @Override
        public void visitLabel(net.bytebuddy.jar.asm.Label label) {
            labels.put(label, count);
        }

        @Override
        public void visitTryCatchBlock(net.bytebuddy.jar.asm.Label start, net.bytebuddy.jar.asm.Label end,
                net.bytebuddy.jar.asm.Label handler, String type) {
            regions.add(new net.bytebuddy.jar.asm.Label[] {start, end});
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode == net.bytebuddy.jar.asm.Opcodes.MONITORENTER) {
                monitorEnter = count;
            }
            count++;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (name.equals("afterMonitorEntered")) {
                acquire = count;
            }
            count++;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            count++;
        }

        @Override
        public void visitLdcInsn(Object value) {
            count++;
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            count++;
        }

        @Override
        public void visitJumpInsn(int opcode, net.bytebuddy.jar.asm.Label label) {
            count++;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            count++;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            count++;
        }
    }
}
