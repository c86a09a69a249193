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

    /**
     * The probes of the open rounds that schedule their threads themselves: an unpark by a thread bound to no
     * round (a common-pool worker completing a future a round thread waits for) must still reach their model.
     */
    private static volatile Probe[] controlled = new Probe[0];

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

    /** A controlled round opened: see {@link #controlled()}. Pair with {@link #controlledClosed}. */
    public static void controlledOpened(Probe probe) {
        synchronized (COUNT_LOCK) {
            Probe[] now = java.util.Arrays.copyOf(controlled, controlled.length + 1);
            now[now.length - 1] = probe;
            controlled = now;
        }
    }

    public static void controlledClosed(Probe probe) {
        synchronized (COUNT_LOCK) {
            Probe[] now = controlled;
            for (int i = 0; i < now.length; i++) {
                if (now[i] == probe) {
                    Probe[] less = java.util.Arrays.copyOf(now, now.length - 1);
                    System.arraycopy(now, i + 1, less, i, now.length - i - 1);
                    controlled = less;
                    return;
                }
            }
        }
    }

    /** The open controlled rounds' probes; never modified (a new array replaces it). */
    static Probe[] controlled() {
        return controlled;
    }

    public static boolean anyRoundOpen() {
        return openRounds > 0;
    }
}
