package dev.jostle.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Hooks;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

/**
 * The hooked-call table against the {@code Hooks} it names: a call the table replaces must reach a public
 * static {@code Hooks} method of exactly the descriptor the visitor will emit, or the instrumented class
 * fails verification with NoSuchMethodError at its first call, far from the table's mistake.
 */
class HookedCallsTests {

    private static final TypeFacts FACTS = TypeFacts.unresolved();

    /** One call instruction the table must replace, per way of calling each hook. */
    private static final Object[][] CALLS = {
        {Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "start", "()V", HookedCall.THREAD_START},
        {Opcodes.INVOKESTATIC, "java/lang/Thread", "startVirtualThread", "(Ljava/lang/Runnable;)Ljava/lang/Thread;",
            HookedCall.START_VIRTUAL_THREAD},
        {Opcodes.INVOKEINTERFACE, "java/lang/Thread$Builder$OfPlatform", "start",
            "(Ljava/lang/Runnable;)Ljava/lang/Thread;", HookedCall.BUILDER_START},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "()V", HookedCall.THREAD_JOIN},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "(J)V", HookedCall.THREAD_JOIN},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "(JI)V", HookedCall.THREAD_JOIN},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "isAlive", "()Z", HookedCall.THREAD_IS_ALIVE},
        {Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(J)V", HookedCall.THREAD_SLEEP},
        {Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(JI)V", HookedCall.THREAD_SLEEP},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Object", "wait", "()V", HookedCall.OBJECT_WAIT},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Object", "wait", "(J)V", HookedCall.OBJECT_WAIT},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Object", "wait", "(JI)V", HookedCall.OBJECT_WAIT},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Object", "notify", "()V", HookedCall.OBJECT_NOTIFY},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Object", "notifyAll", "()V", HookedCall.OBJECT_NOTIFY_ALL},
        {Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "park", "()V", HookedCall.PARK},
        {Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "park", "(Ljava/lang/Object;)V",
            HookedCall.PARK},
        {Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "parkNanos", "(J)V", HookedCall.PARK_NANOS},
        {Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "parkNanos", "(Ljava/lang/Object;J)V",
            HookedCall.PARK_NANOS},
        {Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport", "unpark", "(Ljava/lang/Thread;)V",
            HookedCall.UNPARK},
        {Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", HookedCall.SYSTEM_EXIT},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "exit", "(I)V", HookedCall.RUNTIME_EXIT},
        {Opcodes.INVOKEVIRTUAL, "java/lang/Runtime", "halt", "(I)V", HookedCall.RUNTIME_HALT},
        {Opcodes.INVOKESTATIC, "java/lang/System", "nanoTime", "()J", HookedCall.SYSTEM_NANO_TIME},
        {Opcodes.INVOKESTATIC, "java/lang/System", "currentTimeMillis", "()J", HookedCall.SYSTEM_CURRENT_TIME_MILLIS},
    };

    @Test
    void everyHookedCall_isReplacedByAHooksMethodOfTheDescriptorTheVisitorEmits() {
        Set<String> hooks = Arrays.stream(Hooks.class.getMethods())
                .filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(m -> m.getName() + Type.getMethodDescriptor(m))
                .collect(Collectors.toSet());
        Set<HookedCall> covered = EnumSet.noneOf(HookedCall.class);
        for (Object[] call : CALLS) {
            String shown = call[1] + "." + call[2] + call[3];
            HookedCall hooked = HookedCalls.replacing((Integer) call[0], (String) call[1], (String) call[2],
                    (String) call[3], FACTS);
            assertEquals(call[4], hooked, shown);
            String wanted = hooked.hook() + hooked.hookDescriptor((String) call[3]);
            assertTrue(hooks.contains(wanted), shown + " is replaced by Hooks." + wanted + ", which does not exist");
            covered.add(hooked);
        }
        assertEquals(EnumSet.allOf(HookedCall.class), covered, "a hooked call without a sample call here");
    }

    @Test
    void lookalikeCalls_areNotReplaced() {
        // Same names, other signatures or owners: these are the user's own methods, not the JDK's.
        assertNull(HookedCalls.replacing(Opcodes.INVOKEVIRTUAL, "com/example/Job", "start", "()V", FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKEVIRTUAL, "java/lang/Thread", "join", "(Ljava/lang/String;)V",
                FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKESTATIC, "com/example/Clock", "sleep", "(J)V", FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKESTATIC, "com/example/Launcher", "exit", "(I)V", FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKEVIRTUAL, "com/example/Mailbox", "notify",
                "(Ljava/lang/Object;)V", FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKESTATIC, "java/util/concurrent/locks/LockSupport",
                "parkUntil", "(J)V", FACTS));
        assertNull(HookedCalls.replacing(Opcodes.INVOKESTATIC, "com/example/Clock", "nanoTime", "()J", FACTS));
    }

    @Test
    void aMethodReferenceToAHookedCall_isHooked_oneToAConstructorIsNot() {
        assertTrue(HookedCalls.isHooked(new Handle(Opcodes.H_INVOKEVIRTUAL, "java/lang/Thread", "start", "()V",
                false), FACTS));
        assertFalse(HookedCalls.isHooked(new Handle(Opcodes.H_NEWINVOKESPECIAL, "java/lang/Thread", "<init>", "()V",
                false), FACTS));
        assertFalse(HookedCalls.isHooked(new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Math", "abs", "(I)I",
                false), FACTS));
    }
}
