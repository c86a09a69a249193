package dev.jostle.programs.buggy;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Deadlock, 5 threads, narrow window. Five philosophers each take the left fork, then the right one
 * (java.util.concurrent locks), eat once, and leave. They rarely all hold a left fork at once; breaks when
 * each one is paused after taking the left fork.
 */
public class PhilosophersDeadlock {
    public static void main(String[] args) throws InterruptedException {
        int n = 5;
        ReentrantLock[] forks = new ReentrantLock[n];
        for (int i = 0; i < n; i++) {
            forks[i] = new ReentrantLock();
        }
        Thread[] philosophers = new Thread[n];
        for (int i = 0; i < n; i++) {
            ReentrantLock left = forks[i];
            ReentrantLock right = forks[(i + 1) % n];
            philosophers[i] = new Thread(() -> {
                left.lock();
                try {
                    right.lock();
                    try {
                        Thread.onSpinWait();
                    } finally {
                        right.unlock();
                    }
                } finally {
                    left.unlock();
                }
            }, "philosopher-" + i);
            philosophers[i].start();
        }
        for (Thread philosopher : philosophers) {
            philosopher.join();
        }
    }
}
