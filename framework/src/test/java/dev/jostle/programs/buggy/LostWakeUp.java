package dev.jostle.programs.buggy;

/**
 * Lost wake-up, 2 threads, narrow window. The consumer checks the flag outside the lock and only then
 * waits; the producer sets the flag and notifies. Usually the producer is done before the consumer looks.
 * Breaks when the producer sets the flag and notifies between the consumer's check and its wait: the
 * consumer waits forever (a hang, caught by the round timeout).
 */
public class LostWakeUp {
    static final Object LOCK = new Object();
    static boolean ready;

    public static void main(String[] args) throws InterruptedException {
        Thread consumer = new Thread(() -> {
            if (!ready) {
                synchronized (LOCK) {
                    try {
                        LOCK.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "consumer");
        Thread producer = new Thread(() -> {
            synchronized (LOCK) {
                ready = true;
                LOCK.notifyAll();
            }
        }, "producer");
        consumer.start();
        producer.start();
        consumer.join();
        producer.join();
    }
}
