package dev.jostle.engine;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds deadlocks among a round's threads and writes them out as a cycle with stacks. */
final class Deadlocks {

    private static final int FRAMES = 16;

    /**
     * Taken when the first runner is built, before any round: the first call loads the JVM's management
     * library, which needs a file descriptor, and a round's program may have used up the last one by the time
     * its runner looks for a deadlock.
     */
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private Deadlocks() {
    }

    /** Loads this class, and with it the management library (see {@link #MX}). */
    static void ready() {
        // the class initialiser did the work
    }

    /**
     * Describes the deadlock (monitors and {@code java.util.concurrent} locks) that some of the given
     * threads are in, or returns null. Deadlocks of other rounds' leftover threads are not ours.
     */
    static String find(Collection<Thread> threads) {
        long[] deadlocked = MX.isSynchronizerUsageSupported() ? MX.findDeadlockedThreads()
                : MX.findMonitorDeadlockedThreads();
        if (deadlocked == null || threads.isEmpty()) {
            return null;
        }
        Map<Long, Thread> ours = new HashMap<>();
        for (Thread thread : threads) {
            ours.put(thread.getId(), thread);
        }
        long start = -1;
        for (long id : deadlocked) {
            if (ours.containsKey(id)) {
                start = id;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        // Described from the JVM's view of every deadlocked thread, not only the ones the round's group
        // listed: a thread enumerated a moment too early or late must not cut the cycle short.
        return describe(MX.getThreadInfo(deadlocked, true, true), start);
    }

    private static String describe(ThreadInfo[] infos, long start) {
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : infos) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        StringBuilder text = new StringBuilder("lock cycle:\n");
        // Walk the cycle from one of the round's threads, following "waits for a lock held by".
        Set<Long> seen = new HashSet<>();
        List<ThreadInfo> walked = new ArrayList<>();
        ThreadInfo current = byId.get(start);
        while (current != null && seen.add(current.getThreadId())) {
            walked.add(current);
            text.append("  \"").append(current.getThreadName()).append("\" waits for ")
                    .append(lockName(current.getLockInfo()))
                    .append(" held by \"").append(current.getLockOwnerName()).append("\"\n");
            current = byId.get(current.getLockOwnerId());
        }
        for (ThreadInfo info : walked) {
            text.append('\n').append(stack(info));
        }
        return text.toString().stripTrailing();
    }

    static String lockName(LockInfo lock) {
        return lock == null ? "(unknown lock)" : lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    /** A thread's state and stack with the locks it holds, like a thread dump but not cut at 8 frames. */
    static String stack(ThreadInfo info) {
        StringBuilder text = new StringBuilder();
        text.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
        if (info.getLockInfo() != null) {
            text.append(" on ").append(lockName(info.getLockInfo()));
        }
        text.append('\n');
        StackTraceElement[] frames = info.getStackTrace();
        for (int i = 0; i < frames.length && i < FRAMES; i++) {
            text.append("    at ").append(frames[i]).append('\n');
            for (MonitorInfo monitor : info.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    text.append("    - locked ").append(lockName(monitor)).append('\n');
                }
            }
        }
        if (frames.length > FRAMES) {
            text.append("    ... ").append(frames.length - FRAMES).append(" more\n");
        }
        for (LockInfo sync : info.getLockedSynchronizers()) {
            text.append("    - holds ").append(lockName(sync)).append('\n');
        }
        return text.toString();
    }

    /** Stacks of threads that are not deadlocked (a hang), for the timeout report. */
    static String stacks(Collection<Thread> threads) {
        StringBuilder text = new StringBuilder();
        for (Thread thread : threads) {
            ThreadInfo info = MX.getThreadInfo(new long[] {thread.getId()}, true, true)[0];
            if (info != null) {
                text.append(stack(info)).append('\n');
            } else {
                // Named as running a moment ago: say it ended, rather than leave it out without a word (a stall
                // that ends just as the round runs out loses the stack of the thread that was stuck).
                text.append('"').append(thread.getName()).append("\" ended before its stack could be taken\n");
            }
        }
        return text.toString().stripTrailing();
    }

    /**
     * Which of a hung round's threads wait for a lock that a thread outside the round holds (a thread of
     * another round running at the same time, or one the JVM shares), one line each; null when none does. Such
     * a hang is the rounds' sharing, not the test's own: a static lock held for seconds by another round's
     * thread (a JVM-wide executor's shutdown, say) blocks a round that would pass alone.
     */
    static String blockedOutside(Collection<Thread> roundThreads) {
        java.util.Set<Long> inRound = new java.util.HashSet<>();
        for (Thread thread : roundThreads) {
            inRound.add(thread.getId());
        }
        StringBuilder text = new StringBuilder();
        for (Thread thread : roundThreads) {
            ThreadInfo info = MX.getThreadInfo(thread.getId());
            if (info != null && info.getLockOwnerId() != -1 && !inRound.contains(info.getLockOwnerId())) {
                text.append('"').append(info.getThreadName()).append("\" waits for ").append(lockName(info.getLockInfo()))
                        .append(", held by \"").append(info.getLockOwnerName()).append("\", a thread outside this round\n");
            }
        }
        return text.length() == 0 ? null : text.toString().stripTrailing();
    }
}
