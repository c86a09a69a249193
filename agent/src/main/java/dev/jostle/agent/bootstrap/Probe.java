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
}
