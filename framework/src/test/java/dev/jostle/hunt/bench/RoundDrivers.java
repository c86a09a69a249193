package dev.jostle.hunt.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The loop {@link PlainRounds} and {@link ThreadRounds} share: {@code parallel} driver threads run rounds
 * one after another until {@code seconds} have passed, each round a thread in a fresh thread group running
 * what {@code round} makes, joined. Prints {@code rounds N elapsedMillis M}.
 */
final class RoundDrivers {

    private RoundDrivers() {
    }

    static void run(int parallel, long seconds, Supplier<Runnable> round) throws InterruptedException {
        long nanos = seconds * 1_000_000_000L;
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        Runnable driver = () -> {
            while (System.nanoTime() - start < nanos) {
                Thread main = new Thread(roundGroup(), round.get(), "main");
                main.start();
                try {
                    main.join();
                } catch (InterruptedException e) {
                    return;
                }
                done.incrementAndGet();
            }
        };
        Thread[] drivers = new Thread[parallel];
        for (int i = 0; i < parallel; i++) {
            drivers[i] = new Thread(driver, "driver-" + i);
            drivers[i].start();
        }
        for (Thread thread : drivers) {
            thread.join();
        }
        System.out.println("rounds " + done.get() + " elapsedMillis " + (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * A fresh thread group, daemon as a hunt's are: up to JDK 18 a parent holds its subgroups until they are
     * destroyed, and a daemon group is destroyed when its last thread ends.
     */
    private static ThreadGroup roundGroup() {
        ThreadGroup group = new ThreadGroup("round");
        group.setDaemon(true);
        return group;
    }
}
