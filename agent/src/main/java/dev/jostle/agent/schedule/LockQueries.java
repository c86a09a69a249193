package dev.jostle.agent.schedule;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * What the JVM says a blocked thread waits for. Asked only of a thread already seen BLOCKED, never on the
 * hot path; the management classes load at the first question, not with the agent.
 */
final class LockQueries {

    private LockQueries() {
    }

    /** The monitor {@code thread} is blocked on, or null (not blocked, or the JVM would not say). */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() is JDK 19+, and ids of platform threads agree
    static LockInfo blockedOn(Thread thread) {
        try {
            ThreadInfo info = Bean.MX.getThreadInfo(thread.getId());
            return info == null || info.getThreadState() != Thread.State.BLOCKED ? null : info.getLockInfo();
        } catch (RuntimeException | LinkageError unavailable) {
            return null; // no java.management: the thread falls back as any unseen block does
        }
    }

    private static final class Bean {
        static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    }
}
