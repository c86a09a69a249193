package dev.jostle.hunt;

import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.bootstrap.RoundExit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a round's program asked to exit. The agent turns {@code System.exit} in a round's thread into a
 * {@link RoundExit} error; thrown by main it is caught by the round itself, thrown by another thread it
 * reaches the default uncaught-exception handler installed here, which tells the round and wakes its main
 * thread: in a real JVM the exit would have ended every thread at once.
 */
final class ProgramExits implements AutoCloseable {

    private final Map<Probe, Slot> slots = new ConcurrentHashMap<>();
    private final Thread.UncaughtExceptionHandler previous;

    private ProgramExits() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
    }

    static ProgramExits install() {
        ProgramExits exits = new ProgramExits();
        Thread.setDefaultUncaughtExceptionHandler(exits::uncaught);
        return exits;
    }

    /** Starts watching the current thread's round; call from the round's main thread. */
    Slot attach() {
        Slot slot = new Slot(Thread.currentThread());
        Probe probe = Probes.current();
        if (probe != null) {
            slots.put(probe, slot);
            slot.probe = probe;
        }
        return slot;
    }

    private void uncaught(Thread thread, Throwable failure) {
        if (failure instanceof RoundExit) {
            Probe probe = Probes.current();
            Slot slot = probe == null ? null : slots.get(probe);
            if (slot != null) {
                slot.exited((RoundExit) failure, thread.getName());
                slot.main.interrupt();
            }
            return; // an exit is not an error: nothing to print
        }
        if (previous != null) {
            previous.uncaughtException(thread, failure);
            return;
        }
        // What the JVM prints when no handler is set (the round's thread group already recorded the failure).
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace(System.err);
    }

    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    /** One round's exit, if its program asked for one. */
    final class Slot {
        private final Thread main;
        private Probe probe;
        private volatile RoundExit exit;
        private volatile String thread;

        private Slot(Thread main) {
            this.main = main;
        }

        void exited(RoundExit requested, String threadName) {
            synchronized (this) {
                if (exit == null) {
                    exit = requested;
                    thread = threadName;
                }
            }
        }

        RoundExit exit() {
            return exit;
        }

        String thread() {
            return thread;
        }

        void detach() {
            if (probe != null) {
                slots.remove(probe);
            }
        }
    }
}
