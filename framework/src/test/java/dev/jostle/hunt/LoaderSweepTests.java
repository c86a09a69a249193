package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LoaderSweepTests {

    @Test
    void sweepsOnceEveryRoundsRounds_beforeTheRoundThatIsDue() {
        AtomicInteger sweeps = new AtomicInteger();
        LoaderSweep sweep = new LoaderSweep(sweeps::incrementAndGet, 0);
        List<Integer> sweepsSeenByRound = new ArrayList<>();
        for (int i = 0; i < 2 * LoaderSweep.ROUNDS; i++) {
            sweepsSeenByRound.add(sweep.round(sweeps::get));
        }
        assertEquals(0, sweepsSeenByRound.get(LoaderSweep.ROUNDS - 2));
        assertEquals(1, sweepsSeenByRound.get(LoaderSweep.ROUNDS - 1), "the 256th round runs after the sweep");
        assertEquals(2, sweepsSeenByRound.get(2 * LoaderSweep.ROUNDS - 1));
    }

    @Test
    void aSweepRunsOnlyWhileNoRoundDoes() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger roundsRunningDuringSweeps = new AtomicInteger();
        AtomicInteger sweeps = new AtomicInteger();
        LoaderSweep sweep = new LoaderSweep(() -> {
            sweeps.incrementAndGet();
            roundsRunningDuringSweeps.addAndGet(running.get());
        }, 0);
        int threads = 4;
        int roundsEach = 3 * LoaderSweep.ROUNDS;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> runners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread runner = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < roundsEach; i++) {
                    sweep.round(() -> {
                        running.incrementAndGet();
                        Thread.onSpinWait();
                        return running.decrementAndGet();
                    });
                }
            });
            runner.start();
            runners.add(runner);
        }
        go.countDown();
        for (Thread runner : runners) {
            runner.join(60_000);
        }
        assertEquals(threads * roundsEach / LoaderSweep.ROUNDS, sweeps.get());
        assertEquals(0, roundsRunningDuringSweeps.get());
    }
}
