package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.programs.buggy.AtomicityWithdraw;
import dev.jostle.programs.buggy.BoundedBufferOverflow;
import dev.jostle.programs.buggy.CheckThenActMap;
import dev.jostle.programs.buggy.InconsistentPair;
import dev.jostle.programs.buggy.LazyInitRace;
import dev.jostle.programs.buggy.LockOrderDeadlock;
import dev.jostle.programs.buggy.LostSignal;
import dev.jostle.programs.buggy.LostUpdateTen;
import dev.jostle.programs.buggy.LostUpdateTwo;
import dev.jostle.programs.buggy.LostWakeUp;
import dev.jostle.programs.buggy.PhilosophersDeadlock;
import dev.jostle.programs.buggy.ReadBeforeJoin;
import dev.jostle.programs.buggy.UseBeforeInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every program of the detection benchmark is a real bug, and the default strategy finds each one through
 * {@code java -jar jostle.jar hunt}, as a user would run it. The benchmark measures how fast and how often;
 * this only holds the line: a bug {@code mixed} stops finding fails the build. A hunt's time to its first
 * failure is close to exponential (each round finds with about the same small chance), so a budget {@code B}
 * misses with a chance of about {@code e^(-B/mean)}: six medians, the old 30 s, still missed one hunt in
 * forty for {@code ReadBeforeJoin}, whose mean under {@code mixed} is about 8 s on 2 cores (docs/performance.md,
 * "The buggy programs' guard"). 120 s makes a miss about one in a million; it costs nothing while the build is
 * green, since a found bug ends its hunt at once.
 */
class BuggyProgramsIT {

    @ParameterizedTest
    @ValueSource(classes = {UseBeforeInit.class, ReadBeforeJoin.class, LostUpdateTwo.class, LostUpdateTen.class,
            LazyInitRace.class, CheckThenActMap.class, BoundedBufferOverflow.class, AtomicityWithdraw.class,
            InconsistentPair.class, LockOrderDeadlock.class, PhilosophersDeadlock.class, LostWakeUp.class,
            LostSignal.class})
    void buggyProgram_huntWithTheDefaultStrategy_findsTheBug(Class<?> program) throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "120s",
                "--round-timeout", "1s", "--no-races", "--replays", "0", program.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("jostle hunt: FAILED in "), run.toString());
    }
}
