package dev.jostle.agent.instrument;

import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The table of calls the agent hooks, one place for the visitor, {@link MethodReferenceBridges} and
 * {@link SharedMemoryInstrumentation}: the calls {@code Hooks} performs in their place (thread start, join
 * and sleep, wait and notify, park, exit, the clock), and the calls that synchronise, which are bracketed by
 * {@code beforeSyncCall}/{@code afterSyncCall} and which the race detector takes as a release and an acquire.
 */
final class HookedCalls {

    private HookedCalls() {
    }

    /**
     * Whether a call to a method handle's target would be instrumented, were it a call instruction (see
     * {@link MethodReferenceBridges}).
     */
    static boolean isHooked(Handle target, TypeFacts facts) {
        int opcode;
        switch (target.getTag()) {
            case Opcodes.H_INVOKEVIRTUAL:
                opcode = Opcodes.INVOKEVIRTUAL;
                break;
            case Opcodes.H_INVOKESTATIC:
                opcode = Opcodes.INVOKESTATIC;
                break;
            case Opcodes.H_INVOKEINTERFACE:
                opcode = Opcodes.INVOKEINTERFACE;
                break;
            default:
                return false; // constructors and super calls: never hooked
        }
        String owner = target.getOwner();
        String name = target.getName();
        return replacing(opcode, owner, name, target.getDesc(), facts) != null
                || synchronises(opcode, owner, name, target.getDesc(), facts);
    }

    /** The hooked call that replaces this call instruction, or null. */
    static HookedCall replacing(int opcode, String owner, String name, String descriptor, TypeFacts facts) {
        if (opcode == Opcodes.INVOKESTATIC && "()J".equals(descriptor) && "java/lang/System".equals(owner)) {
            return "nanoTime".equals(name) ? HookedCall.SYSTEM_NANO_TIME
                    : "currentTimeMillis".equals(name) ? HookedCall.SYSTEM_CURRENT_TIME_MILLIS : null;
        }
        if (opcode == Opcodes.INVOKESTATIC && "sleep".equals(name)
                && ("(J)V".equals(descriptor) || "(JI)V".equals(descriptor))
                && ("java/lang/Thread".equals(owner) || facts.isThread(owner))) {
            return HookedCall.THREAD_SLEEP;
        }
        if ("(I)V".equals(descriptor) && ("exit".equals(name) || "halt".equals(name))) {
            if (opcode == Opcodes.INVOKESTATIC && "java/lang/System".equals(owner) && "exit".equals(name)) {
                return HookedCall.SYSTEM_EXIT;
            }
            if (opcode == Opcodes.INVOKEVIRTUAL && "java/lang/Runtime".equals(owner)) {
                return "exit".equals(name) ? HookedCall.RUNTIME_EXIT : HookedCall.RUNTIME_HALT;
            }
        }
        if (STARTS_WITH_A_TASK.equals(descriptor)) {
            // JDK 21: threads started in one call, which the thread's own start inside it would hide.
            if (opcode == Opcodes.INVOKESTATIC && "java/lang/Thread".equals(owner) && "startVirtualThread".equals(name)) {
                return HookedCall.START_VIRTUAL_THREAD;
            }
            if (opcode == Opcodes.INVOKEINTERFACE && "start".equals(name) && THREAD_BUILDERS.contains(owner)) {
                return HookedCall.BUILDER_START;
            }
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && ("start".equals(name) || "join".equals(name) || "isAlive".equals(name))) {
            boolean known = "start".equals(name) ? "()V".equals(descriptor)
                    : "join".equals(name) ? JOINS.contains(descriptor) : "()Z".equals(descriptor);
            if (known && facts.isThread(owner)) {
                return "start".equals(name) ? HookedCall.THREAD_START
                        : "join".equals(name) ? HookedCall.THREAD_JOIN : HookedCall.THREAD_IS_ALIVE;
            }
            return null;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            // wait, notify and notifyAll are final in Object: the name and descriptor identify them.
            if ("wait".equals(name)
                    && ("()V".equals(descriptor) || "(J)V".equals(descriptor) || "(JI)V".equals(descriptor))) {
                return HookedCall.OBJECT_WAIT;
            }
            if ("notify".equals(name) && "()V".equals(descriptor)) {
                return HookedCall.OBJECT_NOTIFY;
            }
            if ("notifyAll".equals(name) && "()V".equals(descriptor)) {
                return HookedCall.OBJECT_NOTIFY_ALL;
            }
            return null;
        }
        if (opcode == Opcodes.INVOKESTATIC && "java/util/concurrent/locks/LockSupport".equals(owner)) {
            switch (name + descriptor) {
                case "park()V":
                case "park(Ljava/lang/Object;)V":
                    return HookedCall.PARK;
                case "parkNanos(J)V":
                case "parkNanos(Ljava/lang/Object;J)V":
                    return HookedCall.PARK_NANOS;
                case "unpark(Ljava/lang/Thread;)V":
                    return HookedCall.UNPARK;
                default:
                    return null;
            }
        }
        return null;
    }

    private static final String STARTS_WITH_A_TASK = "(Ljava/lang/Runnable;)Ljava/lang/Thread;";

    /** The joins of Java 17's {@code Thread}; JDK 19's {@code join(Duration)} is not hooked (no edge). */
    private static final Set<String> JOINS = Set.of("()V", "(J)V", "(JI)V");

    /** {@code Thread.Builder} and its two sealed subinterfaces, the owners javac may write for {@code start}. */
    private static final Set<String> THREAD_BUILDERS = Set.of("java/lang/Thread$Builder",
            "java/lang/Thread$Builder$OfVirtual", "java/lang/Thread$Builder$OfPlatform");

    /**
     * Whether a call synchronises: any call on a {@code java.util.concurrent} type but a constructor (its
     * code is not instrumented, and the race detector treats it as a release and an acquire), and a call
     * on a subtype of one ({@code class GuardLock extends ReentrantLock}, {@code interface MessageQueue
     * extends BlockingQueue}) when the method is one that java.util.concurrent type has: inherited, or
     * overridden. A method the subtype adds is the subtype's own code, instrumented like any other.
     */
    static boolean synchronises(int opcode, String owner, String name, String descriptor, TypeFacts facts) {
        if ("<init>".equals(name)) {
            return false; // building a lock or a queue synchronises with nobody
        }
        boolean pause = opcode == Opcodes.INVOKESTATIC
                && ("sleep".equals(name) || "yield".equals(name) || "onSpinWait".equals(name));
        if ("java/lang/Thread".equals(owner)) {
            return pause;
        }
        if (pause && facts.isThread(owner)) {
            return true; // sleep(10) inside a Thread subclass names the subclass
        }
        if (MAY_SYNCHRONISE_INSIDE.contains(owner)) {
            return true;
        }
        if (isConcurrentType(owner)) {
            return true;
        }
        if (owner.startsWith("[")) {
            return false; // an array's clone(): no supertype of an array is in java.util.concurrent
        }
        String method = name + descriptor;
        for (String supertype : facts.supertypes(owner)) {
            if (isConcurrentType(supertype) && !CALLBACKS.contains(supertype)
                    && facts.jdkMethods(supertype).contains(method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConcurrentType(String owner) {
        return owner.startsWith("java/util/concurrent/")
                && !"java/util/concurrent/TimeUnit".equals(owner)
                && !"java/util/concurrent/ThreadLocalRandom".equals(owner);
    }

    /**
     * java.util.concurrent interfaces a user implements to be called back, with no synchronisation of their
     * own: {@code task.call()} on a user's {@code Callable} runs the user's code and nothing else. A call
     * naming one of them as owner still counts (the receiver may be the JDK's), but they lend no method to
     * the user types that implement them.
     */
    private static final Set<String> CALLBACKS = Set.of(
            "java/util/concurrent/Callable", "java/util/concurrent/ThreadFactory",
            "java/util/concurrent/RejectedExecutionHandler", "java/util/concurrent/Delayed",
            "java/util/concurrent/ForkJoinPool$ForkJoinWorkerThreadFactory",
            "java/util/concurrent/ForkJoinPool$ManagedBlocker", "java/util/concurrent/Flow$Publisher",
            "java/util/concurrent/Flow$Subscriber", "java/util/concurrent/Flow$Processor",
            "java/util/concurrent/Flow$Subscription");

    /**
     * Call sites whose receiver may be a concurrent or synchronised collection although the owner the
     * compiler wrote is not in java.util.concurrent: {@code Map m = new ConcurrentHashMap<>(); m.put(..)}
     * names java/util/Map. Hand-offs through them are real happens-before edges that the race detector
     * must see; treating the calls as synchronising can hide a race, never invent one.
     */
    private static final Set<String> MAY_SYNCHRONISE_INSIDE = Set.of(
            "java/util/Map", "java/util/SortedMap", "java/util/NavigableMap",
            "java/util/Collection", "java/util/List", "java/util/Set", "java/util/SortedSet",
            "java/util/NavigableSet", "java/util/Queue", "java/util/Deque", "java/util/Iterator",
            "java/util/ListIterator", "java/lang/Iterable",
            "java/util/Vector", "java/util/Stack", "java/util/Hashtable", "java/lang/StringBuffer");

}
