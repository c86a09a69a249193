package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.programs.fixtures.LoadsClassesForever;
import dev.jostle.programs.fixtures.StopsItsJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hunt is over by {@code --time} plus one round timeout, whatever its rounds do: rounds that would take
 * longer are stopped there and count as unfinished, neither as a round run nor as a failure.
 */
class HuntBudgetIT {

    private static final Duration TIME = Duration.ofSeconds(6);
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(2);

    /**
     * Far beyond the budget's end, for starting and ending JVMs on a busy machine, yet far below the minutes the
     * rounds below would take if the budget did not stop them.
     */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    @Test
    void roundStillLoadingClassesAtTheBudgetsEnd_hunt_endsThereAndCountsItUnfinished() throws Exception {
        long start = System.nanoTime();
        JostleJar.Result run = JostleJar.run(List.of(), hunt(LoadsClassesForever.class));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(TIME.plus(ROUND_TIMEOUT).plus(MARGIN)) < 0, "took " + took + ": " + run);
        assertEquals(0, run.status, "running out of the budget while loading classes is no failure: " + run);
        assertFalse(run.out.contains("FAILED"), run.toString());
        assertTrue(run.out.contains("1 round unfinished at the end of the budget, still loading classes"),
                run.toString());
    }

    @Test
    void forkStoppedByItsProgram_hunt_killsTheForkAtTheBudgetsEnd(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        JostleJar.Result run = JostleJar.runIn(dir, hunt(StopsItsJvm.class, "--forks", "1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(TIME.plus(ROUND_TIMEOUT).plus(MARGIN)) < 0, "took " + took + ": " + run);
        assertEquals(0, run.status, "a round cut by the budget is no failure: " + run);
        assertTrue(run.out.contains("1 round unfinished at the end of the budget"), run.toString());
    }

    private static List<String> hunt(Class<?> program, String... options) {
        List<String> args = new ArrayList<>(List.of("hunt", "-cp", Path.of(JostleJar.testClasses()).toAbsolutePath()
                .toString(), "--time", Durations.format(TIME), "--round-timeout", Durations.format(ROUND_TIMEOUT)));
        args.addAll(List.of(options));
        args.add(program.getName());
        return args;
    }
}
