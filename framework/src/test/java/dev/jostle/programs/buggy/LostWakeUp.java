package dev.jostle.programs.buggy;

/**
 * Lost wake-up, 2 threads, narrow window, 5 ms margin. The consumer checks the flag outside the lock and
 * only then waits; the producer spends 5 ms making the item, then sets the flag and notifies. So the
 * consumer is long waiting when the notification comes. Breaks only when the consumer is paused for longer
 * than that between its check and its wait: the notification is lost and the consumer waits forever (a
 * hang, caught by the round timeout).
 */
public class LostWakeUp {
    static final Object LOCK = new Object();
    static final long MARGIN_MILLIS = 5;
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
            makeItem(MARGIN_MILLIS);
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

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    static void makeItem(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
