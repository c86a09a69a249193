package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.programs.buggy.ThreeStepOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A hunt that fails in a controlled round prints the interleaving that broke it, and writes it out in full. */
class HuntInterleavingTests {

    @Test
    void threeStepOrder_controlledPct_reportsATableWithEveryThreadsColumn() throws IOException {
        HuntRun run = HuntRun.hunt("--strategy", "controlled-pct", "--seed", "100", ThreeStepOrder.class.getName());

        assertEquals(1, run.status(), run.toString());
        List<String> table = run.out().lines().dropWhile(line -> !line.startsWith("the interleaving that broke it"))
                .skip(1).takeWhile(line -> line.startsWith("  ")).toList();
        assertTrue(table.get(0).matches("  step +\\| main +\\| dispenser +\\| supervisor"), run.toString());
        assertTrue(table.stream().anyMatch(row -> row.matches(".*\\| +\\| ThreeStepOrder.lambda\\$main\\$1:\\d+ .*")),
                "a row in the supervisor's column: " + run);
        String trace = table.get(table.size() - 1).trim();
        assertTrue(trace.startsWith("full trace: "), run.toString());
        Path file = Paths.get(trace.substring("full trace: ".length()));
        assertTrue(file.getFileName().toString().matches("schedule-\\d+\\.txt"), file.toString());
        assertTrue(Files.readString(file).contains("| dispenser"), file.toString());
    }
}
