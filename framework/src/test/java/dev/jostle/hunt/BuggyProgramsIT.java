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
 * this only holds the line: a bug {@code mixed} stops finding fails the build. The budget is about six
 * times the slowest median in the benchmark's table (the five-philosopher deadlock's, in
 * docs/performance.md), room for a busy machine; a found bug ends its hunt at once.
 */
class BuggyProgramsIT {

    @ParameterizedTest
    @ValueSource(classes = {UseBeforeInit.class, ReadBeforeJoin.class, LostUpdateTwo.class, LostUpdateTen.class,
            LazyInitRace.class, CheckThenActMap.class, BoundedBufferOverflow.class, AtomicityWithdraw.class,
            InconsistentPair.class, LockOrderDeadlock.class, PhilosophersDeadlock.class, LostWakeUp.class,
            LostSignal.class})
    void buggyProgram_huntWithTheDefaultStrategy_findsTheBug(Class<?> program) throws Exception {
        JostleJar.Result run = JostleJar.run("hunt", "-cp", JostleJar.testClasses(), "--time", "30s",
                "--round-timeout", "1s", "--no-races", "--replays", "0", program.getName());

        assertEquals(1, run.status, run.toString());
        assertTrue(run.out.contains("jostle hunt: FAILED in "), run.toString());
    }
}
