package dev.jostle.agent.bootstrap;

/**
 * The kinds of event a {@link Probe} is told about. {@code BEFORE_*} events are scheduling points: noise
 * may be injected there. {@code AFTER_*} events complete an acquire (a happens-before edge into the
 * current thread) and are never delayed.
 */
public final class Event {
    public static final int FIELD_READ = 1;
    public static final int FIELD_WRITE = 2;
    /** After a volatile read returned: the reader acquires what the last writer released. */
    public static final int AFTER_VOLATILE_READ = 3;
    public static final int ARRAY_READ = 4;
    public static final int ARRAY_WRITE = 5;
    public static final int MONITOR_ENTER = 6;
    /** Target: the monitor, or null when it is the one the thread's last MONITOR_ENTER named. */
    public static final int AFTER_MONITOR_ENTER = 7;
    public static final int MONITOR_EXIT = 8;
    /** A call into {@code java.util.concurrent}, or {@code Thread.sleep}/{@code yield}; target is null. */
    public static final int SYNC_CALL = 9;
    public static final int AFTER_SYNC_CALL = 10;
    /** Target: the thread about to start. */
    public static final int THREAD_START = 11;
    /** Target: the thread joined; sent only when the join returned because the thread ended. */
    public static final int AFTER_THREAD_JOIN = 12;
    /** Target: the monitor waited on. Before: the monitor is released; after: it is held again. */
    public static final int WAIT = 13;
    public static final int AFTER_WAIT = 14;
    /** Target: the monitor whose waiters are notified; index {@link #NOTIFY_ALL} for notifyAll, else 0. */
    public static final int NOTIFY = 15;
    /** The index a {@code NOTIFY} event carries for {@code notifyAll}. */
    public static final int NOTIFY_ALL = 1;
    /** Target: the blocker, or null. */
    public static final int PARK = 16;
    public static final int AFTER_PARK = 17;
    /** Target: the thread unparked. */
    public static final int UNPARK = 18;

    private static final String[] NAMES = {"?", "field-read", "field-write", "after-volatile-read",
            "array-read", "array-write", "monitor-enter", "after-monitor-enter", "monitor-exit",
            "sync-call", "after-sync-call", "thread-start", "after-thread-join", "wait", "after-wait",
            "notify", "park", "after-park", "unpark"};

    private Event() {
    }

    /** Whether noise may be injected before this event. */
    public static boolean isSchedulingPoint(int event) {
        switch (event) {
            case AFTER_VOLATILE_READ:
            case AFTER_MONITOR_ENTER:
            case AFTER_SYNC_CALL:
            case AFTER_THREAD_JOIN:
            case AFTER_WAIT:
            case AFTER_PARK:
                return false;
            default:
                return true;
        }
    }

    public static String name(int event) {
        return event > 0 && event < NAMES.length ? NAMES[event] : "?";
    }
}
