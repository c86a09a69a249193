package dev.jostle.programs.buggy;

/**
 * Deadlock, 2 threads, narrow window. Two transfers lock the two accounts in opposite orders. Each
 * transfer holds both locks for a few nanoseconds, and the second thread starts long after, so the cycle
 * almost never forms. Breaks when a thread pauses while holding its first lock and the other takes its
 * first lock meanwhile. Main makes one transfer each way itself first, so the threads race on linked code
 * (each round loads the program afresh, and cold code would widen the window).
 */
public class LockOrderDeadlock {
    static final Object CHECKING = new Object();
    static final Object SAVINGS = new Object();
    static int checking = 100;
    static int savings = 100;

    static void toSavings() {
        synchronized (CHECKING) {
            synchronized (SAVINGS) {
                checking -= 10;
                savings += 10;
            }
        }
    }

    static void toChecking() {
        synchronized (SAVINGS) {
            synchronized (CHECKING) {
                savings -= 10;
                checking += 10;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        toSavings();
        toChecking();
        Thread a = new Thread(LockOrderDeadlock::toSavings, "checking-to-savings");
        Thread b = new Thread(LockOrderDeadlock::toChecking, "savings-to-checking");
        a.start();
        b.start();
        a.join();
        b.join();
    }
}
