package dev.jostle.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The thread group a round runs in. Threads a round creates join their creator's group, so this group
 * sees every uncaught exception of the round's threads, even when the test thread never looks.
 */
final class RoundThreads extends ThreadGroup {

    private volatile Runnable onFirstUncaught = () -> { };
    private volatile Throwable firstUncaught;
    private volatile String firstUncaughtThread;

    @SuppressWarnings("removal")
    RoundThreads(String name) {
        super(name);
        // Up to JDK 18 a parent group holds its subgroups until they are destroyed: a daemon group is
        // destroyed when its last thread ends, so a hunt's 100,000 rounds do not pile up 100,000 groups.
        // (From JDK 19 parents hold subgroups weakly and this is a no-op.)
        setDaemon(true);
    }

    /** Runs in the failing thread, at the first uncaught exception, before the JVM prints it. */
    void onFirstUncaught(Runnable action) {
        onFirstUncaught = action;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        boolean first;
        synchronized (this) {
            first = firstUncaught == null;
            if (first) {
                firstUncaught = failure;
                firstUncaughtThread = thread.getName();
            }
        }
        if (first) {
            onFirstUncaught.run();
        }
        // Still print it, as the JVM would: a user watching the console expects to see it.
        super.uncaughtException(thread, failure);
    }

    Throwable firstUncaught() {
        return firstUncaught;
    }

    String firstUncaughtThread() {
        return firstUncaughtThread;
    }

    /** The live threads of the round, except {@code except}. */
    @SuppressWarnings("removal")
    List<Thread> alive(Thread except) {
        Thread[] threads = new Thread[activeCount() + 16];
        int n = enumerate(threads, true);
        List<Thread> result = new ArrayList<>(n);
        for (Thread thread : Arrays.asList(threads).subList(0, n)) {
            if (thread != except && thread.isAlive()) {
                result.add(thread);
            }
        }
        return result;
    }
}
