package dev.jostle.agent.bootstrap;

/**
 * Receives the events of the threads bound to it: noise strategies, site recording and race detection
 * sit behind this one method. Implementations live in the agent; {@link Hooks} calls them and swallows
 * whatever they throw, but an implementation should not throw in the first place.
 */
public interface Probe {

    /**
     * Called by the thread that performs the event, before it (scheduling points) or after it (acquires).
     *
     * @param event  one of {@link Event}'s constants
     * @param target the object involved: field owner (null for a static field), array, monitor, thread
     * @param index  the array index for array events, otherwise 0
     * @param site   the site id from {@link Sites}
     */
    void on(int event, Object target, int index, int site);

    /**
     * What {@link Hooks} calls: {@link #on(int, Object, int, int)} with the current thread's binding to this
     * probe, whose {@link ProbeBinding#state} slot a probe may use for its per-thread state instead of a
     * thread-local lookup of its own. The default ignores the binding.
     */
    default void on(ProbeBinding thread, int event, Object target, int index, int site) {
        on(event, target, index, site);
    }

    /** The current thread is about to call {@code Thread.sleep} (after its {@link Event#SYNC_CALL}). */
    default void beforeSleep(ProbeBinding thread) {
    }

    /**
     * The current thread's {@code Thread.sleep(millis)} returned. A probe whose noise held other threads of the
     * round back meanwhile may make the sleep last longer by as much: code that sleeps to let other threads
     * get somewhere (tests do, a lot) then waits for what a sleep of that length means without the noise,
     * and noise reorders threads instead of outrunning a timer it cannot see.
     */
    default void afterSleep(ProbeBinding thread, long millis) {
    }

    /**
     * A field or array access ({@link Event#FIELD_READ}, {@link Event#FIELD_WRITE}, {@link Event#ARRAY_READ},
     * {@link Event#ARRAY_WRITE}), the hottest events: a method of their own so that a probe can give them a
     * short path. The default is {@link #on(ProbeBinding, int, Object, int, int)}.
     */
    default void onAccess(ProbeBinding thread, int event, Object target, int index, int site) {
        on(thread, event, target, index, site);
    }

    /**
     * A read ({@link Event#FIELD_READ} or {@link Event#ARRAY_READ}) whose value this thread writes back to the
     * same variable right after, with nothing but arithmetic on the operand stack in between: {@code f++},
     * {@code a[i] += v}. The write that follows is reported as usual and comes before any other shared access
     * or synchronisation of this thread, so a race detector may leave this read unchecked: the write's check
     * covers it. Noise treats it as any read. The default is {@link #onAccess}.
     */
    default void onReadForUpdate(ProbeBinding thread, int event, Object target, int index, int site) {
        onAccess(thread, event, target, index, site);
    }

    /**
     * Performs {@code monitor.wait(millis)} (0: untimed) in the caller's place, as a round that schedules its
     * threads itself must: true when it did (the wait returned, or threw InterruptedException), false when
     * the hook is to wait itself. The default never does.
     */
    default boolean waitInstead(ProbeBinding thread, Object monitor, long millis) throws InterruptedException {
        return false;
    }

    /**
     * Performs {@code LockSupport.park} in the caller's place ({@code timed}: {@code parkNanos} of {@code nanos}):
     * as {@link #waitInstead}.
     */
    default boolean parkInstead(ProbeBinding thread, boolean timed, long nanos) {
        return false;
    }

    /**
     * The current thread unparked {@code target} inside {@code java.util.concurrent} (the real unpark is done):
     * a round that schedules its threads itself gives the target its permit. Not a scheduling point.
     */
    default void unparked(ProbeBinding thread, Thread target) {
    }

    /**
     * A thread bound to no round unparked {@code target} inside {@code java.util.concurrent}: a round that
     * schedules its threads itself gives the permit if {@code target} is one of them (registered through
     * {@link Probes#controlledOpened}).
     */
    default void unparkedFromOutside(Thread target) {
    }

    /**
     * The current thread is about to start {@code child} inside {@code java.util.concurrent} (an executor's new
     * worker), where no {@link Event#THREAD_START} is reported. Not a scheduling point.
     */
    default void startingInJdk(ProbeBinding thread, Thread child) {
    }

    /**
     * Performs the current thread's {@code Thread.sleep} of {@code nanos} in its place, as a round that schedules
     * its threads itself must (on its own clock): true when it did (the caller then throws if interrupted), false
     * when the hook is to sleep itself. The default never does.
     */
    default boolean sleepInstead(ProbeBinding thread, long nanos) {
        return false;
    }

    /** {@code System.nanoTime()} as the current thread's round tells it. The default is the real clock. */
    default long nanoTime(ProbeBinding thread) {
        return System.nanoTime();
    }

    /** {@code System.currentTimeMillis()} as the current thread's round tells it. The default is the real clock. */
    default long currentTimeMillis(ProbeBinding thread) {
        return System.currentTimeMillis();
    }
}
