package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** What a single synchronized block on {@code lock} reports: enter, acquire, release. */
    private static List<String> oneBlock(String lock, String enter, String exit) {
        return List.of("monitor-enter " + lock + " " + enter, "after-monitor-enter null " + enter,
                "monitor-exit " + lock + " " + exit);
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
        assertEquals(oneBlock("lock", enter, exit), probe.lines());
    }

    /**
     * HotSpot compiles a method with a synchronized block only if nothing that may throw sits between
     * MONITORENTER and javac's catch-all region; otherwise the method runs interpreted for ever.
     */
    @Test
    void synchronizedBlock_acquireReport_liesInsideTheBlocksProtectedRegion() throws Exception {
        byte[] instrumented = instrumentedMonitors();
        HandlerLayout block = HandlerLayout.of(instrumented, "block");
        int acquire = block.firstCall("afterMonitorEntered");

        assertTrue(block.monitorEnter >= 0 && acquire > block.monitorEnter, "acquire reported after MONITORENTER");
        assertTrue(block.isProtected(acquire), "the acquire report lies in a protected region");
        assertEquals(block.monitorEnter + 2, acquire, "only the site constant between MONITORENTER and it");
    }

    @Test
    void synchronizedBlockThrowing_reportsTheReleaseOnceAndReleases() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "blockThrowing", lock)));
        assertEquals("from the block", thrown.getMessage());
        assertFalse(Thread.holdsLock(lock));
        String enter = at("blockThrowing", "block-throw-enter");
        // javac gives its handler the line of the block's closing brace.
        String exit = "@Monitors.blockThrowing:" + (line("Monitors", "block-throw") + 1);
        assertEquals(oneBlock("lock", enter, exit), probe.lines());
    }

    @Test
    void nestedBlocksThrowing_releaseInnerThenOuter() throws Exception {
        Object outer = new Object();
        Object inner = new Object();
        probe.name(outer, "outer").name(inner, "inner");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "nestedBlocksThrowing", outer, inner)));
        assertEquals("from the inner block", thrown.getMessage());
        assertFalse(Thread.holdsLock(outer));
        assertFalse(Thread.holdsLock(inner));
        String outerEnter = at("nestedBlocksThrowing", "nested-outer-enter");
        String innerEnter = at("nestedBlocksThrowing", "nested-inner-enter");
        int throwLine = line("Monitors", "nested-throw");
        assertEquals(List.of("monitor-enter outer " + outerEnter, "after-monitor-enter null " + outerEnter,
                "monitor-enter inner " + innerEnter, "after-monitor-enter null " + innerEnter,
                "monitor-exit inner @Monitors.nestedBlocksThrowing:" + (throwLine + 1),
                "monitor-exit outer @Monitors.nestedBlocksThrowing:" + (throwLine + 2)), probe.lines());
    }

    @Test
    void synchronizedBlockThrowingInsideATry_isCaughtAfterOneRelease() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        Object value = probe.record(() -> call(monitors, "blockThrowingInsideTry", lock));
        assertEquals(-1, value);
        assertFalse(Thread.holdsLock(lock));
        String enter = at("blockThrowingInsideTry", "try-block-enter");
        String exit = "@Monitors.blockThrowingInsideTry:" + (line("Monitors", "try-block-throw") + 1);
        assertEquals(oneBlock("lock", enter, exit), probe.lines());
    }

    @Test
    void synchronizedBlockAmongWideLocals_runsBothWays() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        assertEquals(10 + 3 * 5 + 0.5 * 4, (double) call(monitors, "blockAmongWideLocals", 10L, 0.5, lock, 2));
        assertThrows(ArithmeticException.class,
                () -> probe.record(() -> call(monitors, "blockAmongWideLocals", 10L, 0.5, lock, 0)));
        assertFalse(Thread.holdsLock(lock));
        List<String> lines = probe.lines();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("monitor-exit lock @Monitors.blockAmongWideLocals:"), lines.toString());
    }

    /**
     * C1 refuses a method where a call sits in an exception handler's first block and that handler covers
     * it ("exception handler covers itself"): the method then runs interpreted until C2 takes it. javac's
     * handler for a synchronized block covers itself, so its release report must live elsewhere.
     */
    @Test
    void synchronizedBlocks_noCallInsideAHandlerThatCoversItself() throws Exception {
        byte[] instrumented = instrumentedMonitors();
        for (String method : List.of("block", "blockThrowing", "nestedBlocksThrowing", "blockThrowingInsideTry",
                "blockAmongWideLocals")) {
            HandlerLayout layout = HandlerLayout.of(instrumented, method);
            assertTrue(layout.selfCoveringHandlers() > 0, method + ": javac's handler covers itself");
            assertEquals(List.of(), layout.callsInsideSelfCoveringHandlers(), method);
        }
    }

    private byte[] instrumentedMonitors() throws Exception {
        return instrumentedMonitors(null);
    }

    /** The fixture's class file instrumented as defined ({@code redefined} null) or as retransformed. */
    private byte[] instrumentedMonitors(Class<?> redefined) throws Exception {
        byte[] original = getClass().getResourceAsStream("/dev/jostle/fixtures/Monitors.class").readAllBytes();
        return dev.jostle.agent.install.AgentInstaller.transformer(
                dev.jostle.agent.install.AgentConfig.read(null, new java.util.Properties()))
                .transform(new ClassLoader() { }, "dev/jostle/fixtures/Monitors", redefined, null, original);
    }

    /**
     * A synchronized method's monitor is taken before its first instruction, where no point can come first:
     * a class being defined takes it in code instead, behind a point, static methods too; a class being
     * retransformed cannot lose the flag (the JVM refuses a changed modifier) and keeps it (see
     * SynchronizedMethodEntries).
     */
    @Test
    void synchronizedMethods_definedTakeTheirMonitorInCode_retransformedKeepTheFlag() throws Exception {
        assertEquals(List.of(), synchronizedMethods(instrumentedMonitors()));
        List<String> retransformed = synchronizedMethods(instrumentedMonitors(monitorsClass));
        assertTrue(retransformed.containsAll(List.of("synchronizedMethod", "staticSynchronizedMethod")),
                retransformed.toString());
    }

    /**
     * HotSpot pairs a monitorexit with its monitorenter by where the monitor came from (two loads of the class
     * literal are an "improper monitor pair"): a static method loads its class once, into a fresh local past
     * its parameter, and its enter and every exit (the return, the catch-all, the catch-all's own guard) read
     * it there.
     */
    @Test
    void staticSynchronizedMethod_defined_takesAndReleasesTheClassFromOneFreshLocal() throws Exception {
        assertEquals(List.of("ldc dev/jostle/fixtures/Monitors", "astore 1", "monitorenter from local 1",
                        "monitorexit from local 1", "monitorexit from local 1", "monitorexit from local 1"),
                monitorSources(instrumentedMonitors(), "staticSynchronizedMethod"));
    }

    /** A method's class literals, stores of objects, and the local each monitor instruction's monitor came from. */
    private static List<String> monitorSources(byte[] classFile, String method) {
        List<String> sources = new java.util.ArrayList<>();
        new net.bytebuddy.jar.asm.ClassReader(classFile).accept(new net.bytebuddy.jar.asm.ClassVisitor(
                net.bytebuddy.utility.OpenedClassReader.ASM_API) {
            @Override
            public net.bytebuddy.jar.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                return new net.bytebuddy.jar.asm.MethodVisitor(net.bytebuddy.utility.OpenedClassReader.ASM_API) {
                    private int lastLoaded = -1;

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof net.bytebuddy.jar.asm.Type) {
                            sources.add("ldc " + ((net.bytebuddy.jar.asm.Type) value).getInternalName());
                            lastLoaded = -1;
                        }
                    }

                    @Override
                    public void visitVarInsn(int opcode, int varIndex) {
                        if (opcode == net.bytebuddy.jar.asm.Opcodes.ALOAD) {
                            lastLoaded = varIndex;
                        } else if (opcode == net.bytebuddy.jar.asm.Opcodes.ASTORE) {
                            sources.add("astore " + varIndex);
                        }
                    }

                    @Override
                    public void visitInsn(int opcode) {
                        if (opcode == net.bytebuddy.jar.asm.Opcodes.MONITORENTER) {
                            sources.add("monitorenter from local " + lastLoaded);
                        } else if (opcode == net.bytebuddy.jar.asm.Opcodes.MONITOREXIT) {
                            sources.add("monitorexit from local " + lastLoaded);
                        }
                    }
                };
            }
        }, 0);
        return sources;
    }

    private static List<String> synchronizedMethods(byte[] classFile) {
        List<String> names = new java.util.ArrayList<>();
        new net.bytebuddy.jar.asm.ClassReader(classFile).accept(new net.bytebuddy.jar.asm.ClassVisitor(
                net.bytebuddy.utility.OpenedClassReader.ASM_API) {
            @Override
            public net.bytebuddy.jar.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                    String signature, String[] exceptions) {
                if ((access & net.bytebuddy.jar.asm.Opcodes.ACC_SYNCHRONIZED) != 0) {
                    names.add(name);
                }
                return null;
            }
        }, net.bytebuddy.jar.asm.ClassReader.SKIP_CODE);
        return names;
    }

    @Test
    void synchronizedMethod_reportsAcquireAtEntryAndReleaseAtReturn() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedMethod", 21));
        assertEquals(42, value);
        assertEquals(List.of(
                "monitor-enter m " + at("synchronizedMethod", "sync-return") + " dev.jostle.fixtures.Monitors (this)",
                "after-monitor-enter m " + at("synchronizedMethod", "sync-return") + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedMethod", "sync-return")), probe.lines());
    }

    @Test
    void staticSynchronizedMethod_reportsTheClassAsMonitor() throws Exception {
        Object value = probe.record(() -> call(monitorsClass, "staticSynchronizedMethod", 5));
        assertEquals(15, value);
        assertEquals(List.of(
                "monitor-enter Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")
                        + " dev.jostle.fixtures.Monitors.class",
                "after-monitor-enter Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")
                        + " dev.jostle.fixtures.Monitors.class",
                "monitor-exit Monitors.class " + at("staticSynchronizedMethod", "static-sync-return")),
                probe.lines());
    }

    @Test
    void synchronizedMethodThrowing_propagatesAndReportsTheRelease() throws Exception {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "synchronizedThrowing")));
        assertEquals("from the fixture", thrown.getMessage());
        String site = at("synchronizedThrowing", "sync-throw");
        assertFalse(Thread.holdsLock(monitors), "the exception left the method: its monitor is released");
        assertEquals(List.of("monitor-enter m " + site + " dev.jostle.fixtures.Monitors (this)",
                "after-monitor-enter m " + site + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + site), probe.lines());
    }

    @Test
    void staticSynchronizedMethodThrowing_reportsTheClassReleased() throws Exception {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitorsClass, "staticSynchronizedThrowing")));
        assertEquals("from the static fixture", thrown.getMessage());
        String site = at("staticSynchronizedThrowing", "static-sync-throw");
        assertFalse(Thread.holdsLock(monitorsClass), "the exception left the method: its monitor is released");
        assertEquals(List.of("monitor-enter Monitors.class " + site + " dev.jostle.fixtures.Monitors.class",
                "after-monitor-enter Monitors.class " + site + " dev.jostle.fixtures.Monitors.class",
                "monitor-exit Monitors.class " + site), probe.lines());
    }

    @Test
    void synchronizedMethodCatchingInside_reportsOneRelease() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedCatching", "x"));
        assertEquals(-1, value);
        assertEquals(List.of("monitor-enter m " + at("synchronizedCatching", "catching-parse")
                        + " dev.jostle.fixtures.Monitors (this)",
                "after-monitor-enter m " + at("synchronizedCatching", "catching-parse")
                        + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedCatching", "catching-return")), probe.lines());
    }

    @Test
    void synchronizedMethodThrowingFromABlock_reportsBothReleasesInnerFirst() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "synchronizedThrowingFromBlock", lock)));
        assertEquals("from the block in the method", thrown.getMessage());
        assertFalse(Thread.holdsLock(lock));
        List<String> lines = probe.lines();
        // The block's handler copy releases the lock and rethrows; the method's catch-all then releases it.
        assertEquals(List.of("monitor-exit lock", "monitor-exit m"), lines.subList(lines.size() - 2, lines.size())
                .stream().map(line -> line.substring(0, line.indexOf(" @"))).toList(), lines.toString());
        assertEquals(1, lines.stream().filter(line -> line.startsWith("monitor-exit m ")).count(), lines.toString());
    }

    @Test
    void synchronizedMethodStartingWithALoop_reportsTheEntryOnce() throws Exception {
        Object value = probe.record(() -> call(monitors, "synchronizedLoop", 10));
        assertEquals(-2, value);
        // do-while jumps back to the method's first instruction: the entry report must sit before it.
        assertEquals(List.of("monitor-enter m " + at("synchronizedLoop", "loop-first")
                + " dev.jostle.fixtures.Monitors (this)",
                "after-monitor-enter m " + at("synchronizedLoop", "loop-first")
                + " dev.jostle.fixtures.Monitors (this)",
                "monitor-exit m " + at("synchronizedLoop", "loop-return")), probe.lines());
    }

    @Test
    void staticSynchronizedMethodStartingWithALoop_reportsTheEntryOnce() throws Exception {
        Object value = probe.record(() -> call(monitorsClass, "staticSynchronizedLoop", 10));
        assertEquals(-2, value);
        String first = at("staticSynchronizedLoop", "static-loop-first");
        assertEquals(List.of("monitor-enter Monitors.class " + first + " dev.jostle.fixtures.Monitors.class",
                "after-monitor-enter Monitors.class " + first + " dev.jostle.fixtures.Monitors.class",
                "monitor-exit Monitors.class " + at("staticSynchronizedLoop", "static-loop-return")), probe.lines());
    }

    /** Every frame carries the class in the fresh local past two wide parameters, or the class fails to verify. */
    @Test
    void staticSynchronizedMethodAmongWideLocals_runsBothWaysAndReleasesTheClass() throws Exception {
        Object lock = new Object();
        probe.name(lock, "lock");
        assertEquals(10 + 3 * 5 + 0.5 + 1 + 0.5 + 1,
                (double) call(monitorsClass, "staticSynchronizedAmongWideLocals", 10L, 0.5, lock, 2));
        assertThrows(ArithmeticException.class, () -> probe.record(
                () -> call(monitorsClass, "staticSynchronizedAmongWideLocals", 10L, 0.5, lock, 0)));
        assertFalse(Thread.holdsLock(lock));
        assertFalse(Thread.holdsLock(monitorsClass));
        List<String> lines = probe.lines();
        assertEquals(List.of("monitor-enter Monitors.class", "after-monitor-enter Monitors.class", "monitor-enter lock",
                        "after-monitor-enter null", "monitor-exit lock", "monitor-exit Monitors.class"),
                lines.stream().map(line -> line.substring(0, line.indexOf(" @"))).toList(),
                lines.toString());
    }
}
