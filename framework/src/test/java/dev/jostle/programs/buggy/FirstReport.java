package dev.jostle.programs.buggy;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread must overtake many, behind a start gate: the shared body of {@link FirstReportTen} and
 * {@link FirstReportHundred}. Workers and one reporter meet at a gate that opens when all of them have
 * arrived. Each worker then records one sample; the reporter, after reading its request for 5 ms, prints the
 * average, dividing by the number of samples. It breaks only if the reporter gets past every worker:
 * {@code workers} threads have a whole margin to record one sample each, so on a real scheduler it never
 * happens, while a scheduler that runs the reporter first right after the gate (PCT with the reporter on top,
 * a chance of one in {@code workers + 1}) breaks it at once. Gate and statistics use synchronized blocks.
 */
final class FirstReport {
    static final long MARGIN_MILLIS = 5;
    private static final Object GATE = new Object();
    private static final Object STATS = new Object();
    private static int arrived;
    private static int samples;
    private static long total;

    private FirstReport() {
    }

    static void run(int workers) throws InterruptedException {
        arrived = 0;
        samples = 0;
        total = 0;
        int parties = workers + 1;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            int sample = i + 1;
            threads.add(new Thread(() -> {
                pass(parties);
                record(sample);
            }, "worker-" + i));
        }
        long[] average = new long[1];
        threads.add(new Thread(() -> {
            pass(parties);
            ThreeStepOrder.readRequest(MARGIN_MILLIS);
            average[0] = average();
        }, "reporter"));
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void pass(int parties) {
        synchronized (GATE) {
            if (++arrived == parties) {
                GATE.notifyAll(); // the last to arrive opens the gate
            }
            while (arrived < parties) {
                try {
                    GATE.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void record(int sample) {
        synchronized (STATS) {
            samples++;
            total += sample;
        }
    }

    private static long average() {
        synchronized (STATS) {
            return total / samples; // no sample yet: ArithmeticException, the reporter dies with it
        }
    }
}
