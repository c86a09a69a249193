package dev.jostle.agent.bootstrap;

/**
 * Which {@link Probe} the current thread reports to. The code that runs a round binds the round's first
 * thread; the threads it creates inherit the binding, so two rounds running at once (parallel hunt
 * rounds, concurrent JUnit tests) never see each other's noise. A probe whose round has ended must
 * ignore events from threads the round left behind.
 */
public final class Probes {

    private static final InheritableThreadLocal<Probe> CURRENT = new InheritableThreadLocal<>();

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
        Probe previous = CURRENT.get();
        CURRENT.set(probe);
        return previous;
    }

    /** Restores what {@link #bind} returned; null unbinds. */
    public static void restore(Probe previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** The current thread's probe, or null. */
    public static Probe current() {
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
