package dev.jostle.agent.bootstrap;

import java.util.concurrent.locks.LockSupport;

/**
 * The static facade instrumented code calls. Each hook returns at once unless a round is open and the
 * current thread is bound to a {@link Probe}; then it forwards one event.
 *
 * <p>Three rules hold for every hook: it never throws into user code (a probe's failure is swallowed and
 * counted), it takes no lock that user code could also hold, and it allocates nothing while no round is
 * open. The {@code Thread}, {@code Object} and {@code LockSupport} wrappers below replace the original
 * call; they perform it exactly as the user wrote it, so its own exceptions still reach the caller.
 */
public final class Hooks {

    private static volatile Throwable firstProbeFailure;
    private static volatile long probeFailures;

    private Hooks() {
    }

    // ---- shared memory ----------------------------------------------------------------------------

    public static void beforeFieldRead(Object owner, int site) {
        access(Event.FIELD_READ, owner, 0, site);
    }

    public static void afterVolatileRead(Object owner, int site) {
        emit(Event.AFTER_VOLATILE_READ, owner, 0, site);
    }

    public static void beforeFieldWrite(Object owner, int site) {
        access(Event.FIELD_WRITE, owner, 0, site);
    }

    public static void beforeArrayRead(Object array, int index, int site) {
        access(Event.ARRAY_READ, array, index, site);
    }

    public static void beforeArrayWrite(Object array, int index, int site) {
        access(Event.ARRAY_WRITE, array, index, site);
    }

    /**
     * A field read whose value the same thread writes straight back to the same field ({@code f++},
     * {@code f += 2}): a read to the probe's noise, but see {@link Probe#onReadForUpdate}.
     */
    public static void beforeFieldReadForUpdate(Object owner, int site) {
        readForUpdate(Event.FIELD_READ, owner, 0, site);
    }

    /** An array read whose value is written straight back to the same element ({@code a[i] += v}). */
    public static void beforeArrayReadForUpdate(Object array, int index, int site) {
        readForUpdate(Event.ARRAY_READ, array, index, site);
    }

    // ---- monitors ---------------------------------------------------------------------------------

    public static void beforeMonitorEnter(Object monitor, int site) {
        emit(Event.MONITOR_ENTER, monitor, 0, site);
    }

    public static void afterMonitorEnter(Object monitor, int site) {
        emit(Event.AFTER_MONITOR_ENTER, monitor, 0, site);
    }

    /**
     * The acquire of the monitor this thread reported entering last; placed inside the synchronized
     * block's protected region, so it carries no monitor (the probe remembers it from the enter report).
     */
    public static void afterMonitorEntered(int site) {
        emit(Event.AFTER_MONITOR_ENTER, null, 0, site);
    }

    public static void beforeMonitorExit(Object monitor, int site) {
        emit(Event.MONITOR_EXIT, monitor, 0, site);
    }

    // ---- calls into java.util.concurrent, Thread.sleep, Thread.yield -------------------------------

    public static void beforeSyncCall(int site) {
        emit(Event.SYNC_CALL, null, 0, site);
    }

    public static void afterSyncCall(int site) {
        emit(Event.AFTER_SYNC_CALL, null, 0, site);
    }

    // ---- wrappers that replace a call whose receiver matters ----------------------------------------

    public static void threadStart(Thread thread, int site) {
        emit(Event.THREAD_START, thread, 0, site);
        thread.start();
    }

    /**
     * {@code Thread.startVirtualThread(task)} (JDK 21): the thread is made unstarted, then started as
     * {@link #threadStart} starts one, so that the round sees the start before the thread runs.
     */
    public static Thread startVirtualThread(Runnable task, int site) {
        Thread thread = ThreadBuilders.unstartedVirtual(task);
        threadStart(thread, site);
        return thread;
    }

    /**
     * {@code builder.start(task)} on a {@code Thread.Builder} (JDK 21, a sealed interface whose
     * {@code start} is {@code unstarted} then {@code Thread.start}): the same two steps, the start reported.
     */
    public static Thread builderStart(Object builder, Runnable task, int site) {
        Thread thread = ThreadBuilders.unstarted(builder, task);
        threadStart(thread, site);
        return thread;
    }

    public static void threadJoin(Thread thread, int site) throws InterruptedException {
        emit(Event.SYNC_CALL, thread, 0, site);
        thread.join();
        emit(Event.AFTER_THREAD_JOIN, thread, 0, site);
    }

    public static void threadJoin(Thread thread, long millis, int site) throws InterruptedException {
        emit(Event.SYNC_CALL, thread, 0, site);
        thread.join(millis);
        if (!thread.isAlive()) {
            emit(Event.AFTER_THREAD_JOIN, thread, 0, site);
        }
    }

    /** {@code join(millis, nanos)}: as {@code join(millis)}. */
    public static void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        emit(Event.SYNC_CALL, thread, 0, site);
        thread.join(millis, nanos);
        if (!thread.isAlive()) {
            emit(Event.AFTER_THREAD_JOIN, thread, 0, site);
        }
    }

    /**
     * {@code isAlive()}: a thread that sees another one dead is ordered after everything it did, as after a
     * join (JLS 17.4.4). Tests poll {@code isAlive()} and then read what the thread wrote.
     */
    public static boolean threadIsAlive(Thread thread, int site) {
        boolean alive = thread.isAlive();
        if (!alive) {
            emit(Event.AFTER_THREAD_JOIN, thread, 0, site);
        }
        return alive;
    }

    /**
     * {@code Thread.sleep(millis)}: a scheduling point like any call that pauses, and a sleep that outlasts the
     * noise other threads of the round got meanwhile (see {@link Probe#afterSleep}).
     */
    public static void threadSleep(long millis, int site) throws InterruptedException {
        emit(Event.SYNC_CALL, null, 0, site);
        if (millis >= 0 && sleptInstead(millis, 0)) {
            emit(Event.AFTER_SYNC_CALL, null, 0, site);
            return;
        }
        ProbeBinding binding = sleepStarts();
        Thread.sleep(millis);
        sleepEnded(binding, millis);
        emit(Event.AFTER_SYNC_CALL, null, 0, site);
    }

    public static void threadSleep(long millis, int nanos, int site) throws InterruptedException {
        emit(Event.SYNC_CALL, null, 0, site);
        if (millis >= 0 && nanos >= 0 && nanos <= 999_999 && sleptInstead(millis, nanos)) {
            emit(Event.AFTER_SYNC_CALL, null, 0, site);
            return;
        }
        ProbeBinding binding = sleepStarts();
        Thread.sleep(millis, nanos);
        sleepEnded(binding, millis);
        emit(Event.AFTER_SYNC_CALL, null, 0, site);
    }

    /**
     * A round that schedules its threads itself sleeps on its own clock (see {@link Probe#sleepInstead}); an
     * interrupt, pending or arriving meanwhile, ends it with {@code InterruptedException}, as the real sleep's.
     */
    private static boolean sleptInstead(long millis, int nanos) throws InterruptedException {
        if (Probes.openRounds == 0) {
            return false;
        }
        boolean slept;
        try {
            ProbeBinding binding = Probes.binding();
            slept = binding != null && binding.probe.sleepInstead(binding, sleepNanos(millis, nanos));
        } catch (Throwable failure) {
            failed(failure);
            return false;
        }
        if (slept && Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        return slept;
    }

    private static ProbeBinding sleepStarts() {
        if (Probes.openRounds == 0) {
            return null;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding != null) {
                binding.probe.beforeSleep(binding);
            }
            return binding;
        } catch (Throwable failure) {
            failed(failure);
            return null;
        }
    }

    private static void sleepEnded(ProbeBinding binding, long millis) {
        if (binding == null) {
            return;
        }
        try {
            binding.probe.afterSleep(binding, millis);
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    public static void objectWait(Object monitor, int site) throws InterruptedException {
        emit(Event.WAIT, monitor, 0, site);
        try {
            if (!waitedInstead(monitor, 0)) {
                monitor.wait();
            }
        } finally {
            emit(Event.AFTER_WAIT, monitor, 0, site);
        }
    }

    public static void objectWait(Object monitor, long millis, int site) throws InterruptedException {
        emit(Event.WAIT, monitor, 0, site);
        try {
            if (millis < 0 || !waitedInstead(monitor, millis)) {
                monitor.wait(millis);
            }
        } finally {
            emit(Event.AFTER_WAIT, monitor, 0, site);
        }
    }

    public static void objectWait(Object monitor, long millis, int nanos, int site) throws InterruptedException {
        emit(Event.WAIT, monitor, 0, site);
        try {
            if (millis < 0 || nanos < 0 || nanos > 999_999
                    || !waitedInstead(monitor, millis + (nanos > 0 ? 1 : 0))) {
                monitor.wait(millis, nanos);
            }
        } finally {
            emit(Event.AFTER_WAIT, monitor, 0, site);
        }
    }

    /** Whether the round performed the wait itself (see {@link Probe#waitInstead}). */
    private static boolean waitedInstead(Object monitor, long millis) throws InterruptedException {
        if (Probes.openRounds == 0) {
            return false;
        }
        ProbeBinding binding;
        try {
            binding = Probes.binding();
            if (binding == null) {
                return false;
            }
        } catch (Throwable failure) {
            failed(failure);
            return false;
        }
        try {
            return binding.probe.waitInstead(binding, monitor, millis);
        } catch (InterruptedException interrupted) {
            throw interrupted; // the wait's own exception
        } catch (Throwable failure) {
            failed(failure);
            return true; // a wait may always return early: never wait again after a failure half-way
        }
    }

    public static void objectNotify(Object monitor, int site) {
        emit(Event.NOTIFY, monitor, 0, site);
        monitor.notify();
    }

    public static void objectNotifyAll(Object monitor, int site) {
        emit(Event.NOTIFY, monitor, Event.NOTIFY_ALL, site);
        monitor.notifyAll();
    }

    public static void park(int site) {
        emit(Event.PARK, null, 0, site);
        if (!parkedInstead(false, 0)) {
            LockSupport.park();
        }
        emit(Event.AFTER_PARK, null, 0, site);
    }

    public static void park(Object blocker, int site) {
        emit(Event.PARK, blocker, 0, site);
        if (!parkedInstead(false, 0)) {
            LockSupport.park(blocker);
        }
        emit(Event.AFTER_PARK, blocker, 0, site);
    }

    public static void parkNanos(long nanos, int site) {
        emit(Event.PARK, null, 0, site);
        if (!parkedInstead(true, nanos)) {
            LockSupport.parkNanos(nanos);
        }
        emit(Event.AFTER_PARK, null, 0, site);
    }

    public static void parkNanos(Object blocker, long nanos, int site) {
        emit(Event.PARK, blocker, 0, site);
        if (!parkedInstead(true, nanos)) {
            LockSupport.parkNanos(blocker, nanos);
        }
        emit(Event.AFTER_PARK, blocker, 0, site);
    }

    /** Whether the round performed the park itself (see {@link Probe#parkInstead}). */
    private static boolean parkedInstead(boolean timed, long nanos) {
        if (Probes.openRounds == 0) {
            return false;
        }
        try {
            ProbeBinding binding = Probes.binding();
            return binding != null && binding.probe.parkInstead(binding, timed, nanos);
        } catch (Throwable failure) {
            failed(failure);
            return true; // a park may always return early
        }
    }

    public static void unpark(Thread thread, int site) {
        emit(Event.UNPARK, thread, 0, site);
        LockSupport.unpark(thread);
    }

    // ---- LockSupport calls inside java.util.concurrent (ConcurrencyParks rewrites them) -------------
    //
    // A controlled round must see a thread block inside a lock, latch, queue or future, or it would hold the
    // baton while it blocks. These hooks model the park and nothing else: no event, no noise, no race
    // detection, so that noise rounds run exactly as without them. They are called by JDK code, so they never
    // throw and never re-enter: a thread without a binding (Jostle's own, the JDK's) makes the real call.

    public static void jdkPark() {
        if (!jdkParkedInstead(false, 0)) {
            LockSupport.park();
        }
    }

    public static void jdkPark(Object blocker) {
        if (!jdkParkedInstead(false, 0)) {
            LockSupport.park(blocker);
        }
    }

    public static void jdkParkNanos(long nanos) {
        if (!jdkParkedInstead(true, nanos)) {
            LockSupport.parkNanos(nanos);
        }
    }

    public static void jdkParkNanos(Object blocker, long nanos) {
        if (!jdkParkedInstead(true, nanos)) {
            LockSupport.parkNanos(blocker, nanos);
        }
    }

    /** The real unpark, and the permit for the round's model (not a scheduling point: the caller runs on). */
    public static void jdkUnpark(Thread thread) {
        LockSupport.unpark(thread);
        if (Probes.openRounds == 0 || thread == null) {
            return;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding == null) {
                for (Probe controlled : Probes.controlled()) {
                    controlled.unparkedFromOutside(thread);
                }
            } else if (!binding.inJdkHook) {
                binding.inJdkHook = true;
                try {
                    binding.probe.unparked(binding, thread);
                } finally {
                    binding.inJdkHook = false;
                }
            }
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    /**
     * {@code java.util.concurrent} is about to start a thread (an executor's worker): a controlled round waits for
     * it to arrive, as for a thread user code starts, instead of letting it run free until its first point.
     */
    public static void jdkThreadStarting(Thread child) {
        if (Probes.openRounds == 0 || child == null) {
            return;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding != null && !binding.inJdkHook) {
                binding.inJdkHook = true;
                try {
                    binding.probe.startingInJdk(binding, child);
                } finally {
                    binding.inJdkHook = false;
                }
            }
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    /**
     * {@code System.nanoTime()} inside {@code java.util.concurrent}: a controlled round's clock, so that a timed
     * poll, await or future's get times out at the same step in every run. Never re-entered.
     */
    public static long jdkNanoTime() {
        if (Probes.openRounds == 0) {
            return System.nanoTime();
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding == null || binding.inJdkHook) {
                return System.nanoTime();
            }
            binding.inJdkHook = true;
            try {
                return binding.probe.nanoTime(binding);
            } finally {
                binding.inJdkHook = false;
            }
        } catch (Throwable failure) {
            failed(failure);
            return System.nanoTime();
        }
    }

    /** {@code Thread.sleep(millis)} inside {@code java.util.concurrent} ({@code TimeUnit.sleep}). */
    public static void jdkSleep(long millis) throws InterruptedException {
        if (millis < 0 || !jdkSleptInstead(millis, 0)) {
            Thread.sleep(millis);
        }
    }

    /**
     * {@code Thread.sleep(millis, nanos)} inside {@code java.util.concurrent}: a controlled round's thread sleeps
     * on the round's clock, with no event, no noise and no race detection, as the other JDK hooks.
     */
    public static void jdkSleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0 || nanos < 0 || nanos > 999_999 || !jdkSleptInstead(millis, nanos)) {
            Thread.sleep(millis, nanos);
        }
    }

    private static boolean jdkSleptInstead(long millis, int nanos) throws InterruptedException {
        if (Probes.openRounds == 0) {
            return false;
        }
        boolean slept;
        try {
            ProbeBinding binding = Probes.binding();
            if (binding == null || binding.inJdkHook) {
                return false;
            }
            binding.inJdkHook = true;
            try {
                slept = binding.probe.sleepInstead(binding, sleepNanos(millis, nanos));
            } finally {
                binding.inJdkHook = false;
            }
        } catch (Throwable failure) {
            failed(failure);
            return false;
        }
        if (slept && Thread.interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        return slept;
    }

    private static long sleepNanos(long millis, int nanos) {
        return millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L + nanos;
    }

    /** As {@link #parkedInstead}, but never re-entered: the round's own code may park inside the JDK too. */
    private static boolean jdkParkedInstead(boolean timed, long nanos) {
        if (Probes.openRounds == 0) {
            return false;
        }
        ProbeBinding binding;
        try {
            binding = Probes.binding();
        } catch (Throwable failure) {
            failed(failure);
            return false;
        }
        if (binding == null || binding.inJdkHook) {
            return false;
        }
        binding.inJdkHook = true;
        try {
            return binding.probe.parkInstead(binding, timed, nanos);
        } catch (Throwable failure) {
            failed(failure);
            return true; // a park may always return early: the JDK's callers loop
        } finally {
            binding.inJdkHook = false;
        }
    }

    // ---- the clock: a controlled round's threads read the round's (see Probe#nanoTime) -------------

    /** Replaces {@code System.nanoTime()}; not a scheduling point, and no site of its own (0). */
    public static long nanoTime(int site) {
        if (Probes.openRounds == 0) {
            return System.nanoTime();
        }
        try {
            ProbeBinding binding = Probes.binding();
            return binding == null ? System.nanoTime() : binding.probe.nanoTime(binding);
        } catch (Throwable failure) {
            failed(failure);
            return System.nanoTime();
        }
    }

    /** Replaces {@code System.currentTimeMillis()}: as {@link #nanoTime(int)}. */
    public static long currentTimeMillis(int site) {
        if (Probes.openRounds == 0) {
            return System.currentTimeMillis();
        }
        try {
            ProbeBinding binding = Probes.binding();
            return binding == null ? System.currentTimeMillis() : binding.probe.currentTimeMillis(binding);
        } catch (Throwable failure) {
            failed(failure);
            return System.currentTimeMillis();
        }
    }

    // ---- exits: inside a round they end the round, not the JVM ------------------------------------

    /** Replaces {@code System.exit(status)}; throws {@link RoundExit} in a thread bound to a round. */
    public static void exit(int status, int site) {
        if (Probes.current() != null) {
            throw new RoundExit("System.exit", status);
        }
        System.exit(status);
    }

    /** Replaces {@code Runtime.exit(status)}; the receiver is the {@code Runtime}. */
    public static void runtimeExit(Object runtime, int status, int site) {
        if (Probes.current() != null) {
            throw new RoundExit("Runtime.exit", status);
        }
        ((Runtime) runtime).exit(status);
    }

    /** Replaces {@code Runtime.halt(status)}; the receiver is the {@code Runtime}. */
    public static void runtimeHalt(Object runtime, int status, int site) {
        if (Probes.current() != null) {
            throw new RoundExit("Runtime.halt", status);
        }
        ((Runtime) runtime).halt(status);
    }

    // ---- dispatch ---------------------------------------------------------------------------------

    /**
     * Field and array accesses, the hottest events, take a path of their own: the JIT then compiles it
     * small, and the branches of the other events stay out of the accesses' way. Through {@link #emit},
     * every hook shared one compiled body too big to inline into user code.
     */
    private static void access(int event, Object target, int index, int site) {
        if (Probes.openRounds == 0) {
            return;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding != null) {
                binding.probe.onAccess(binding, event, target, index, site);
            }
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    private static void readForUpdate(int event, Object target, int index, int site) {
        if (Probes.openRounds == 0) {
            return;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding != null) {
                binding.probe.onReadForUpdate(binding, event, target, index, site);
            }
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    private static void emit(int event, Object target, int index, int site) {
        if (Probes.openRounds == 0) {
            return;
        }
        try {
            ProbeBinding binding = Probes.binding();
            if (binding != null) {
                binding.probe.on(binding, event, target, index, site);
            }
        } catch (Throwable failure) {
            failed(failure);
        }
    }

    /** The tool must not become the bug: remember the first failure for the report, carry on. */
    private static void failed(Throwable failure) {
        if (firstProbeFailure == null) {
            firstProbeFailure = failure;
        }
        probeFailures++;
    }

    /** The first exception a probe threw (and Hooks swallowed), or null: tests assert there is none. */
    public static Throwable firstProbeFailure() {
        return firstProbeFailure;
    }

    public static long probeFailures() {
        return probeFailures;
    }
}
