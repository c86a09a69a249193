package dev.jostle.agent.schedule;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Who holds which monitor, as the round's monitor-enter and monitor-exit events tell it, reentrancy counted.
 * A thread that wants a monitor another round thread holds is not schedulable, so no thread ever blocks
 * inside the JVM on a monitor while it holds the baton. Guarded by the scheduler's lock.
 */
final class MonitorTable {

    private static final class Holding {
        ScheduledThread owner;
        int entries;
    }

    private final Map<Object, Holding> held = new IdentityHashMap<>();

    /** Whether {@code thread} may enter {@code monitor} now: nobody holds it, or it does itself. */
    boolean enterable(Object monitor, ScheduledThread thread) {
        Holding holding = held.get(monitor);
        return holding == null || holding.owner == thread;
    }

    void enter(Object monitor, ScheduledThread thread) {
        Holding holding = held.computeIfAbsent(monitor, m -> new Holding());
        holding.owner = thread;
        holding.entries++;
    }

    /** An exit the table never saw the enter of (entered in code the agent does not see) is ignored. */
    void exit(Object monitor, ScheduledThread thread) {
        Holding holding = held.get(monitor);
        if (holding != null && holding.owner == thread && --holding.entries <= 0) {
            held.remove(monitor);
        }
    }

    /**
     * The monitor held by a thread other than {@code except} whose identity hash and class are those given
     * (what {@link java.lang.management.LockInfo} tells of the monitor a thread is blocked on), or null.
     */
    Object heldByOther(int identityHash, String className, ScheduledThread except) {
        for (Map.Entry<Object, Holding> entry : held.entrySet()) {
            Object monitor = entry.getKey();
            if (entry.getValue().owner != except && System.identityHashCode(monitor) == identityHash
                    && monitor.getClass().getName().equals(className)) {
                return monitor;
            }
        }
        return null;
    }

    /** A wait gives the monitor up entirely; returns how many entries to restore when it returns. */
    int releaseForWait(Object monitor, ScheduledThread thread) {
        Holding holding = held.get(monitor);
        if (holding == null || holding.owner != thread) {
            return 0;
        }
        held.remove(monitor);
        return holding.entries;
    }

    void reacquireAfterWait(Object monitor, ScheduledThread thread, int entries) {
        if (entries > 0) {
            Holding holding = held.computeIfAbsent(monitor, m -> new Holding());
            holding.owner = thread;
            holding.entries = entries;
        }
    }
}
