package dev.jostle.programs.buggy;

/**
 * Lost update, 10 threads, narrow window. Each thread adds 10 to a volatile total with
 * {@code total += 10}: volatile makes the read and the write visible, not the pair atomic. Each thread is
 * so short that they rarely overlap. Breaks when a thread stalls between the read and the write.
 */
public class LostUpdateTen {
    static volatile int total;

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[10];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> total += 10, "adder-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (total != 100) {
            throw new AssertionError("lost update: total = " + total + ", expected 100");
        }
    }
}
