package dev.jostle.bench;

import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.ProbeBinding;
import dev.jostle.agent.bootstrap.Probes;

/**
 * A probe that ignores every event, bound with the hooks armed: timing the {@link Workload} under it measures
 * what the hooks cost to reach a probe (the thread-local lookup of the binding and the calls), which any probe
 * that does something pays first. Every method is overridden, so that no default method adds a call.
 */
final class IgnoringProbe implements Probe {

    private IgnoringProbe() {
    }

    /** Runs the shape with the hooks armed and this probe bound to the calling thread and its workers. */
    static long run(Workload.Shape shape) throws InterruptedException {
        Probe previous = Probes.bind(new IgnoringProbe());
        Probes.roundOpened();
        try {
            return Workload.run(shape);
        } finally {
            Probes.roundClosed();
            Probes.restore(previous);
        }
    }

    @Override
    public void on(int event, Object target, int index, int site) {
    }

    @Override
    public void on(ProbeBinding thread, int event, Object target, int index, int site) {
    }

    @Override
    public void onAccess(ProbeBinding thread, int event, Object target, int index, int site) {
    }

    @Override
    public void onReadForUpdate(ProbeBinding thread, int event, Object target, int index, int site) {
    }
}
