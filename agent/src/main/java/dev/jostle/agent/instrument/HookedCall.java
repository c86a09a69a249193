package dev.jostle.agent.instrument;

import dev.jostle.agent.bootstrap.Event;

/**
 * A call the agent replaces by a call to {@code Hooks}: the {@code Hooks} method that performs it, the
 * event its site is registered as, and how the receiver is passed. The hook takes the call's receiver
 * (unless static), then its arguments, then the site; it returns what the call returns. Which calls are
 * hooked is decided by {@link HookedCalls}.
 */
enum HookedCall {
    THREAD_START("threadStart", Event.THREAD_START, Receiver.THREAD),
    START_VIRTUAL_THREAD("startVirtualThread", Event.THREAD_START, Receiver.NONE),
    BUILDER_START("builderStart", Event.THREAD_START, Receiver.OBJECT),
    /** Reports a sync call, then the join's completion. */
    THREAD_JOIN("threadJoin", Event.SYNC_CALL, Receiver.THREAD),
    THREAD_IS_ALIVE("threadIsAlive", Event.SYNC_CALL, Receiver.THREAD),
    /** Reported as a sync call, and stretched to outlast the noise other threads got while it slept. */
    THREAD_SLEEP("threadSleep", Event.SYNC_CALL, Receiver.NONE),
    OBJECT_WAIT("objectWait", Event.WAIT, Receiver.OBJECT),
    OBJECT_NOTIFY("objectNotify", Event.NOTIFY, Receiver.OBJECT),
    OBJECT_NOTIFY_ALL("objectNotifyAll", Event.NOTIFY, Receiver.OBJECT),
    PARK("park", Event.PARK, Receiver.NONE),
    PARK_NANOS("parkNanos", Event.PARK, Receiver.NONE),
    UNPARK("unpark", Event.UNPARK, Receiver.NONE),
    /** In a round, an exit ends the round ({@code Hooks} throws RoundExit), not the JVM running the rounds. */
    SYSTEM_EXIT("exit", Event.SYNC_CALL, Receiver.NONE),
    RUNTIME_EXIT("runtimeExit", Event.SYNC_CALL, Receiver.OBJECT),
    RUNTIME_HALT("runtimeHalt", Event.SYNC_CALL, Receiver.OBJECT),
    /**
     * A controlled round's threads read its virtual clock, on which their sleeps and timeouts run: code that
     * times a sleep, or computes a deadline, then agrees with them, and replays. Not a point: no site.
     */
    SYSTEM_NANO_TIME("nanoTime", HookedCall.NO_SITE, Receiver.NONE),
    SYSTEM_CURRENT_TIME_MILLIS("currentTimeMillis", HookedCall.NO_SITE, Receiver.NONE);

    /** The event of a call that is no scheduling point and reports nothing: it registers no site (0). */
    static final int NO_SITE = 0;

    /** How the hook takes the call's receiver. */
    enum Receiver {
        /** A static call: there is none. */
        NONE(""),
        THREAD("Ljava/lang/Thread;"),
        /** Typed as Object so that the hook needs no type from outside the boot class path. */
        OBJECT("Ljava/lang/Object;");

        private final String descriptor;

        Receiver(String descriptor) {
            this.descriptor = descriptor;
        }
    }

    private final String hook;
    private final int event;
    private final Receiver receiver;

    HookedCall(String hook, int event, Receiver receiver) {
        this.hook = hook;
        this.event = event;
        this.receiver = receiver;
    }

    /** The name of the {@code Hooks} method that performs the call. */
    String hook() {
        return hook;
    }

    /** The {@link Event} the call's site is registered as, or {@link #NO_SITE}. */
    int event() {
        return event;
    }

    /**
     * The hook's descriptor for a call of this descriptor: {@code (J)V} on a Thread becomes
     * {@code (Ljava/lang/Thread;JI)V}, receiver, arguments, site; the result stays the call's.
     */
    String hookDescriptor(String callDescriptor) {
        int close = callDescriptor.indexOf(')');
        return "(" + receiver.descriptor + callDescriptor.substring(1, close) + "I" + callDescriptor.substring(close);
    }
}
