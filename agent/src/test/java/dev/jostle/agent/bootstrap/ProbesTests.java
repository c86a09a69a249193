package dev.jostle.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProbesTests {

    private final Probe outer = (event, target, index, site) -> { };
    private final Probe inner = (event, target, index, site) -> { };

    @Test
    void threadCreatedByABoundThread_binding_isItsOwnToTheSameProbe() throws Exception {
        Probe previous = Probes.bind(outer);
        try {
            ProbeBinding parent = Probes.binding();
            parent.state = "parent's";
            AtomicReference<ProbeBinding> seen = new AtomicReference<>();
            Thread child = new Thread(() -> seen.set(Probes.binding()));
            child.start();
            child.join();

            assertSame(outer, seen.get().probe(), "same probe");
            assertNotSame(parent, seen.get(), "a binding of its own");
            assertNull(seen.get().state, "with no state of the parent's");
        } finally {
            Probes.restore(previous);
        }
    }

    @Test
    void nestedBindUndone_restore_bringsBackTheOuterBindingWithItsState() {
        Probe previous = Probes.bind(outer);
        try {
            ProbeBinding outerBinding = Probes.binding();
            outerBinding.state = "kept";
            Probe replaced = Probes.bind(inner);
            assertSame(inner, Probes.current());
            Probes.restore(replaced);

            assertSame(outerBinding, Probes.binding());
            assertSame("kept", Probes.binding().state);
        } finally {
            Probes.restore(previous);
        }
        assertSame(previous, Probes.current());
    }

    @Test
    void hookInAnOpenRound_probe_receivesTheThreadsBinding() {
        AtomicReference<ProbeBinding> received = new AtomicReference<>();
        Probe probe = new Probe() {
            @Override
            public void on(int event, Object target, int index, int site) {
            }

            @Override
            public void on(ProbeBinding thread, int event, Object target, int index, int site) {
                received.set(thread);
            }
        };
        Probe previous = Probes.bind(probe);
        Probes.roundOpened();
        try {
            Hooks.beforeFieldRead(this, 0);
            assertSame(Probes.binding(), received.get());
        } finally {
            Probes.roundClosed();
            Probes.restore(previous);
        }
    }
}
