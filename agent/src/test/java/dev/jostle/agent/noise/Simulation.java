package dev.jostle.agent.noise;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.runtime.ThreadState;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a plan from the test thread as if several threads reached scheduling points in turn: thread
 * {@code i} is named {@code "t" + i} and has path {@code 100 + i}. No real threads, so no timing.
 */
final class Simulation {

    final List<ThreadState> threads = new ArrayList<>();

    Simulation(int threadCount, long roundSeed) {
        for (int i = 0; i < threadCount; i++) {
            threads.add(new ThreadState("t" + i, 100 + i, i, roundSeed));
        }
    }

    ThreadState thread(int i) {
        return threads.get(i);
    }

    /** Each thread in turn reaches a field write at site {@code site}, {@code rounds} times over. */
    void roundRobin(NoisePlan plan, int rounds, int site) {
        for (int r = 0; r < rounds; r++) {
            for (ThreadState thread : threads) {
                plan.atPoint(thread, Event.FIELD_WRITE, site);
            }
        }
    }
}
