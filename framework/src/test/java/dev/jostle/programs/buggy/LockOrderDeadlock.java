package dev.jostle.programs.buggy;

/**
 * Deadlock, 2 threads, narrow window, 5 ms margin. Two transfers lock the two accounts in opposite
 * orders. Each transfer holds both locks for a few nanoseconds, and the second one is requested 5 ms after
 * the first, so the cycle never forms. Breaks only when the first pauses for longer than that while
 * holding its first lock. Main makes one transfer each way itself first, so the threads race on linked code
 * (each round loads the program afresh, and cold code would widen the window).
 */
public class LockOrderDeadlock {
    static final Object CHECKING = new Object();
    static final Object SAVINGS = new Object();
    static final long MARGIN_MILLIS = 5;
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
        Thread b = new Thread(() -> {
            readRequest(MARGIN_MILLIS);
            toChecking();
        }, "savings-to-checking");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    static void readRequest(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
