package dev.jostle.programs.buggy;

/**
 * Lost update, 10 threads, narrow window. Each thread adds 10 to a volatile total with
 * {@code total += 10}: volatile makes the read and the write visible, not the pair atomic. Each thread is
 * so short that they rarely overlap. Breaks when a thread stalls between the read and the write.
 */
public class LostUpdateTen {
    static volatile int total;

    static void add() {
        total += 10;
    }

    public static void main(String[] args) throws InterruptedException {
        add(); // main's own share first: the threads then race on linked code
        Thread[] threads = new Thread[10];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(LostUpdateTen::add, "adder-" + i);
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (total != 110) {
            throw new AssertionError("lost update: total = " + total + ", expected 110");
        }
    }
}
