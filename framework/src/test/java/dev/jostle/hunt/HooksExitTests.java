package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jostle.agent.bootstrap.Hooks;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.bootstrap.RoundExit;
import org.junit.jupiter.api.Test;

/** The exit wrappers the agent puts in place of System.exit: inside a round they throw instead of exiting. */
class HooksExitTests {

    @Test
    void threadBoundToARound_systemExit_throwsRoundExitWithTheStatus() {
        Probe previous = Probes.bind((event, target, index, site) -> { });
        try {
            RoundExit exit = assertThrows(RoundExit.class, () -> Hooks.exit(3, 0));

            assertEquals(3, exit.status());
            assertEquals("System.exit(3) was called", exit.getMessage());
        } finally {
            Probes.restore(previous);
        }
    }

    @Test
    void threadBoundToARound_runtimeExitAndHalt_throwRoundExit() {
        Probe previous = Probes.bind((event, target, index, site) -> { });
        try {
            assertEquals(0, assertThrows(RoundExit.class,
                    () -> Hooks.runtimeExit(Runtime.getRuntime(), 0, 0)).status());
            assertEquals(9, assertThrows(RoundExit.class,
                    () -> Hooks.runtimeHalt(Runtime.getRuntime(), 9, 0)).status());
        } finally {
            Probes.restore(previous);
        }
    }
}
