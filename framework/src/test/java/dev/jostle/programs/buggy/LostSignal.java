package dev.jostle.programs.buggy;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lost wake-up with java.util.concurrent, 3 threads, wide window. Two workers wait for a start signal,
 * checking the flag with "if" before taking the lock; main does 10 ms of set-up and signals. Usually both
 * workers have long been waiting when main signals. Breaks when a worker checks the flag, then is delayed
 * past the signal before it awaits: it waits forever.
 */
public class LostSignal {
    static final ReentrantLock LOCK = new ReentrantLock();
    static final Condition STARTED = LOCK.newCondition();
    static boolean started;

    public static void main(String[] args) throws InterruptedException {
        Thread[] workers = new Thread[2];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(() -> {
                if (!started) {
                    LOCK.lock();
                    try {
                        STARTED.awaitUninterruptibly();
                    } finally {
                        LOCK.unlock();
                    }
                }
            }, "worker-" + i);
            workers[i].start();
        }
        Thread.sleep(10);
        LOCK.lock();
        try {
            started = true;
            STARTED.signalAll();
        } finally {
            LOCK.unlock();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
