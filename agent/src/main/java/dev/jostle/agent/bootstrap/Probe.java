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
}
