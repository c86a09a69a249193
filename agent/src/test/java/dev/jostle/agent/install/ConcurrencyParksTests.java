package dev.jostle.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;

/** The rewrite of the JDK's own class files, one class shape per test, read from the running JDK. */
class ConcurrencyParksTests {

    @Test
    void abstractQueuedSynchronizer_rewrite_parksAndUnparksThroughHooksOnly() throws IOException {
        List<String> calls = calls(ConcurrencyParks.rewrite(jdkClass("java/util/concurrent/locks/"
                + "AbstractQueuedSynchronizer")));

        assertFalse(calls.stream().anyMatch(call -> call.startsWith(ConcurrencyParks.LOCK_SUPPORT + ".")),
                calls.toString());
        assertTrue(calls.contains(ConcurrencyParks.HOOKS + ".jdkPark(Ljava/lang/Object;)V"), calls.toString());
        assertTrue(calls.contains(ConcurrencyParks.HOOKS + ".jdkUnpark(Ljava/lang/Thread;)V"), calls.toString());
    }

    @Test
    void futureTask_rewrite_keepsEveryOtherCall() throws IOException {
        byte[] original = jdkClass("java/util/concurrent/FutureTask");
        List<String> before = calls(original);
        List<String> after = calls(ConcurrencyParks.rewrite(original));

        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            String expected = before.get(i).replace(ConcurrencyParks.LOCK_SUPPORT + ".park",
                    ConcurrencyParks.HOOKS + ".jdkPark").replace(ConcurrencyParks.LOCK_SUPPORT + ".unpark",
                    ConcurrencyParks.HOOKS + ".jdkUnpark").replace("java/lang/System.nanoTime",
                    ConcurrencyParks.HOOKS + ".jdkNanoTime");
            assertEquals(expected, after.get(i));
        }
    }

    @Test
    void conditionObject_rewrite_readsTheClockThroughTheHookOnly() throws IOException {
        String condition = "java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject";
        List<String> before = calls(jdkClass(condition));
        List<String> after = calls(ConcurrencyParks.rewrite(jdkClass(condition)));

        assertTrue(before.contains("java/lang/System.nanoTime()J"), before.toString()); // awaitNanos's deadline
        assertFalse(after.contains("java/lang/System.nanoTime()J"), after.toString());
        assertTrue(after.contains(ConcurrencyParks.HOOKS + ".jdkNanoTime()J"), after.toString());
    }

    @Test
    void threadPoolExecutor_rewrite_reportsEachWorkerBeforeItStarts() throws IOException {
        List<String> calls = calls(ConcurrencyParks.rewrite(jdkClass("java/util/concurrent/ThreadPoolExecutor")));

        int report = calls.indexOf(ConcurrencyParks.HOOKS + ".jdkThreadStarting(Ljava/lang/Thread;)V");
        assertTrue(report >= 0, calls.toString());
        assertTrue(calls.get(report + 1).matches(".*\\.start\\((Ljava/lang/Thread;)?\\)V"), calls.get(report + 1));
    }

    @Test
    void classWithoutParks_rewrite_isLeftAsItWas() throws IOException {
        assertNull(ConcurrencyParks.rewrite(jdkClass("java/util/concurrent/atomic/AtomicInteger")));
    }

    @Test
    void timeUnit_rewrite_sleepsThroughTheHookOnly() throws IOException {
        List<String> calls = calls(ConcurrencyParks.rewrite(jdkClass("java/util/concurrent/TimeUnit")));

        assertFalse(calls.stream().anyMatch(call -> call.startsWith("java/lang/Thread.sleep(")), calls.toString());
        assertTrue(calls.stream().anyMatch(call -> call.startsWith(ConcurrencyParks.HOOKS + ".jdkSleep(")),
                calls.toString());
    }

    @Test
    void lockSupportAndClassesOutsideTheConcurrencyPackage_areNotRewritten() {
        assertFalse(ConcurrencyParks.applies(ConcurrencyParks.LOCK_SUPPORT));
        assertFalse(ConcurrencyParks.applies("java/util/HashMap"));
        assertFalse(ConcurrencyParks.applies("dev/jostle/fixtures/Scheduling"));
        assertTrue(ConcurrencyParks.applies("java/util/concurrent/locks/AbstractQueuedSynchronizer$ConditionObject"));
    }

    private static byte[] jdkClass(String name) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(name + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Every method call in the class, as owner.name(descriptor), in order. */
    private static List<String> calls(byte[] classFile) {
        List<String> calls = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        calls.add(owner + "." + method + desc);
                    }
                };
            }
        }, 0);
        return calls;
    }
}
