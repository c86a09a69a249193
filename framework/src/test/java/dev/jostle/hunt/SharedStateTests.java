package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedStateTests {

    @Test
    void nothingTouched_hint_isNone(@TempDir Path dir) {
        try (SharedState state = SharedState.watch(dir, null)) {
            assertNull(state.hint(2));
        }
    }

    @Test
    void fileWrittenIntoTheDirectory_hint_namesItAndSuggestsForks(@TempDir Path dir) throws Exception {
        try (SharedState state = SharedState.watch(dir, dir.resolve("result.json"))) {
            Files.writeString(dir.resolve("result.json"), "the hunt's own");
            Files.writeString(dir.resolve("db.lock"), "a round's");

            String hint = state.hint(2);

            assertTrue(hint != null && hint.contains("wrote into the working directory (db.lock)")
                    && !hint.contains("result.json"), hint);
            assertTrue(hint.contains("--forks 2") && hint.contains("--parallel 1"), hint);
        }
    }

    @Test
    void systemPropertySet_hint_namesIt(@TempDir Path dir) {
        try (SharedState state = SharedState.watch(dir, null)) {
            System.setProperty("shared.state.test", "set by a round");
            try {
                String hint = state.hint(3);

                assertTrue(hint != null && hint.contains("rounds ran 3 at once in one JVM and set system properties"
                        + " (shared.state.test)"), hint);
            } finally {
                System.clearProperty("shared.state.test");
            }
        }
    }
}
