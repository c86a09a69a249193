package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlocksTests {

    @Test
    void threadThatEndedSinceItWasNamed_stacks_saysSoInsteadOfLeavingItOut() throws InterruptedException {
        Thread ended = new Thread(() -> { }, "ended-worker");
        ended.start();
        ended.join();

        String stacks = Deadlocks.stacks(List.of(Thread.currentThread(), ended));

        assertTrue(stacks.startsWith("\"" + Thread.currentThread().getName() + "\" RUNNABLE"), stacks);
        assertEquals("\"ended-worker\" ended before its stack could be taken", stacks.lines()
                .filter(line -> line.contains("ended-worker")).findFirst().orElse("(not named)"));
    }
}
