package dev.jostle.agent.bootstrap;

/**
 * Which {@link Probe} the current thread reports to. The code that runs a round binds the round's first
 * thread; the threads it creates inherit the binding, so two rounds running at once (parallel hunt
 * rounds, concurrent JUnit tests) never see each other's noise. A probe whose round has ended must
 * ignore events from threads the round left behind.
 */
public final class Probes {

    /**
     * A thread created by a bound thread gets a binding of its own to the same probe: same probe, fresh
     * per-thread state.
     */
    private static final InheritableThreadLocal<ProbeBinding> CURRENT = new InheritableThreadLocal<>() {
        @Override
        protected ProbeBinding childValue(ProbeBinding parent) {
            return parent == null ? null : new ProbeBinding(parent.probe, null);
        }
    };

    /**
     * How many rounds are open, in any thread. Hooks read this first and return at once when it is
     * zero: with no round running the whole cost of a hook is one volatile read, with no allocation.
     */
    static volatile int openRounds;

    private static final Object COUNT_LOCK = new Object();

    private Probes() {
    }

    /** Binds the current thread (and threads it creates from now on); returns the previous binding. */
    public static Probe bind(Probe probe) {
        ProbeBinding previous = CURRENT.get();
        CURRENT.set(new ProbeBinding(probe, previous));
        return previous == null ? null : previous.probe;
    }

    /**
     * Restores what {@link #bind} returned; null unbinds. Undoing the latest bind brings back the very
     * binding it replaced, with the probe's state for this thread intact.
     */
    public static void restore(Probe previous) {
        ProbeBinding current = CURRENT.get();
        if (previous == null) {
            CURRENT.remove();
        } else if (current != null && current.previous != null && current.previous.probe == previous) {
            CURRENT.set(current.previous);
        } else {
            CURRENT.set(new ProbeBinding(previous, null));
        }
    }

    /** The current thread's probe, or null. */
    public static Probe current() {
        ProbeBinding binding = CURRENT.get();
        return binding == null ? null : binding.probe;
    }

    /** The current thread's binding, or null: what {@link Hooks} passes to the probe. */
    public static ProbeBinding binding() {
        return CURRENT.get();
    }

    /** Arms the hooks for one more round. Pair every call with {@link #roundClosed()}. */
    public static void roundOpened() {
        synchronized (COUNT_LOCK) {
            openRounds++;
        }
    }

    public static void roundClosed() {
        synchronized (COUNT_LOCK) {
            if (openRounds > 0) {
                openRounds--;
            }
        }
    }

    public static boolean anyRoundOpen() {
        return openRounds > 0;
    }
}
