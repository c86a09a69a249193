package dev.jostle.agent.bootstrap;

/**
 * One thread's binding to a {@link Probe}, with a slot where the probe keeps its state for that thread.
 * {@link Hooks} finds the binding with one thread-local lookup and hands it to the probe, so a probe with
 * per-thread state needs no thread-local of its own. Only the bound thread touches {@link #state}.
 */
public final class ProbeBinding {

    final Probe probe;
    /** The binding this one replaced in the same thread, restored when this one is undone. */
    final ProbeBinding previous;

    /** The probe's state for this thread: null until the probe sets it. */
    public Object state;

    /** Inside a {@code Hooks.jdk*} hook: a park the probe itself causes there is a real one. */
    boolean inJdkHook;

    ProbeBinding(Probe probe, ProbeBinding previous) {
        this.probe = probe;
        this.previous = previous;
    }

    public Probe probe() {
        return probe;
    }
}
