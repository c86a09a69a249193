package dev.jostle.programs.buggy;

/**
 * Deadlock, 2 threads, narrow window. Two transfers lock the two accounts in opposite orders. Each
 * transfer holds both locks for a few nanoseconds, and the second thread starts long after, so the cycle
 * almost never forms. Breaks when a thread pauses while holding its first lock and the other takes its
 * first lock meanwhile.
 */
public class LockOrderDeadlock {
    static final Object CHECKING = new Object();
    static final Object SAVINGS = new Object();
    static int checking = 100;
    static int savings = 100;

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> {
            synchronized (CHECKING) {
                synchronized (SAVINGS) {
                    checking -= 10;
                    savings += 10;
                }
            }
        }, "checking-to-savings");
        Thread b = new Thread(() -> {
            synchronized (SAVINGS) {
                synchronized (CHECKING) {
                    savings -= 10;
                    checking += 10;
                }
            }
        }, "savings-to-checking");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
