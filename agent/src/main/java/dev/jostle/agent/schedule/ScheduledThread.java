package dev.jostle.agent.schedule;

import java.util.List;

/**
 * One thread of a controlled round, as the {@link Scheduler} models it. Guarded by the scheduler's lock.
 */
final class ScheduledThread {

    enum Status {
        /** Started (or detached) and not yet at a point: a decision waits for it, bounded. */
        TRANSIT,
        /** At an instrumented point, waiting for its turn. */
        AT_POINT,
        /** Holds the baton: runs user code. */
        RUNNING,
        /**
         * Blocked inside the JVM on a monitor another round thread holds: a synchronized method, which the JVM
         * enters before its first instruction, so that no point comes first. In transit again once the model
         * frees the monitor, as the JVM will then give it this thread (the only one blocked on it).
         */
        BLOCKED_IN_JVM,
        /** Lost the baton by blocking where the agent does not see: runs uncontrolled until its next point. */
        FREE,
        /** Ended. */
        DONE
    }

    final Thread thread;
    /** The thread's path ({@code ThreadState}): stable from run to run under one seed. */
    final long path;
    /** The order in which the round met its threads: deterministic while the round is fully controlled. */
    final int number;
    final String name;

    Status status = Status.TRANSIT;
    /** When the thread entered {@link Status#TRANSIT} ({@link System#nanoTime()}). */
    long since;

    /** The event the thread waits at, and its target (monitor, thread joined, thread unparked). */
    int event;
    Object target;
    /** The instrumented instruction the thread is about to perform ({@code Sites} id), or 0. */
    int site;
    /** For {@link Status#BLOCKED_IN_JVM}: the monitor it waits for. */
    Object blockedOn;
    /** At a {@code NOTIFY} point: the thread is about to {@code notifyAll}, not {@code notify}. */
    boolean notifiesAll;
    /**
     * When a timed wait, park or sleep is due, in {@link VirtualClock} time ({@link VirtualClock#NEVER}: not
     * timed): it may return at any decision from then on.
     */
    long deadline = VirtualClock.NEVER;
    /**
     * The timeout's length and real start ({@link System#nanoTime()}): the clock jumps to {@link #deadline} only
     * once the timeout has passed in real time too, so that a thread outside the round, which a sleeping test
     * may be waiting for, gets the time it would have had. Nothing of the round runs meanwhile: the schedule
     * does not depend on it.
     */
    long timeoutNanos;
    long timeoutStart;
    /** In {@code Thread.sleep}: nothing but the deadline or an interrupt ends it. */
    boolean sleeping;
    /** Notified while waiting on {@link #target} (every notify is modelled as notifyAll: see docs). */
    boolean notified;
    /** How many notifies the model had performed on the monitor when the wait began. */
    int notifiesAtWait;
    /** Monitor entries given up by a wait, restored when the wait returns. */
    int savedEntries;
    /** The modelled {@code LockSupport} permit. */
    boolean permit;
    /** An interrupt the scheduler's own wait swallowed: restored when the thread runs again. */
    boolean interruptPending;
    /**
     * The scheduler interrupted this waiter to end its real wait, as it was chosen: that interrupt is the
     * scheduler's, not the user's, and is cleared, not reported.
     */
    boolean wokenByScheduler;

    /** PCT and POS: the current priority (higher runs first). */
    long priority;
    /** POS: how many priorities the thread has drawn, which makes the next draw a fresh one. */
    long draws;

    ScheduledThread(Thread thread, long path, int number, String name, long now) {
        this.thread = thread;
        this.path = path;
        this.number = number;
        this.name = name;
        this.since = now;
    }

    /** The thread of highest priority (PCT's and POS's), the first in order among equals. */
    static ScheduledThread highestPriority(List<ScheduledThread> enabled) {
        ScheduledThread best = enabled.get(0);
        for (ScheduledThread thread : enabled) {
            if (thread.priority > best.priority) {
                best = thread;
            }
        }
        return best;
    }

    boolean interrupted() {
        return interruptPending || thread.isInterrupted();
    }

    @Override
    public String toString() {
        return name + "#" + number;
    }
}
