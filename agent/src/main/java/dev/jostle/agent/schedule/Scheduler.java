package dev.jostle.agent.schedule;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.noise.SplitMix;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.LockInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.locks.LockSupport;

/**
 * One controlled round's scheduler: only the thread holding the baton runs user code. At each scheduling
 * point the running thread reports here; once every thread of the round is at a point (or known blocked or
 * done) the policy picks the next one, the decision is recorded, and the baton moves.
 *
 * <p>Blocking the agent sees is modelled, so no thread blocks inside the JVM while it holds the baton: a
 * monitor another round thread holds, {@code wait} until notified, {@code park} until unparked, {@code join}
 * until the thread ended, a {@code sleep} or a timeout until the round's {@link VirtualClock} (which its threads
 * read as {@code System.nanoTime}) reaches its end. What the agent cannot see falls back, bounded: a
 * started thread that does not reach a point within {@link #TRANSIT_NANOS}, a baton holder blocked inside the
 * JVM for {@link #BLOCKED_NANOS}, and a round whose threads are all blocked for {@link #STUCK_NANOS} lose the
 * baton (or, for the last, control altogether), and the round is marked not fully controlled.
 *
 * <p>The scheduler's lock is a private object user code cannot reach. A thread waits for its turn with
 * {@link LockSupport#parkNanos}, never holding that lock, and is unparked when chosen; a thread in a
 * controlled {@code wait} is in the monitor's real wait, and is interrupted when chosen: of all the ways to
 * end a wait, only an interrupt reaches one thread and needs no user lock (a {@code notifyAll} would wake
 * every waiter on the monitor, and a round of 100 waiters then spends its time waking them). A daemon thread
 * of the scheduler's own, outside the round's thread group, notices what no event reports (a holder that
 * ended or blocked) every {@link #WATCH_NANOS}. Closing the scheduler (the round ended, failed or timed out)
 * frees every waiting thread at once, and ends the watch.
 */
public final class Scheduler {

    static final long TRANSIT_NANOS = 500_000_000L;
    static final long BLOCKED_NANOS = 200_000_000L;
    static final long STUCK_NANOS = 500_000_000L;
    /**
     * Holders let go after blocking unseen, before the round gives up control altogether: each costs
     * {@link #BLOCKED_NANOS}, and a round of many such calls (tasks handed to an executor, each followed by
     * its worker waiting for the next inside the JDK) would otherwise outlast its round timeout.
     */
    static final int MAX_FALLBACKS = 3;
    /**
     * How often the watch thread looks at the holder. A holder that ends costs the round up to this long, and
     * a round of 100 threads has 100 such ends.
     */
    private static final long WATCH_NANOS = 250_000L;
    /** A backstop only: a waiting thread is unparked when chosen. */
    private static final long IDLE_NANOS = 50_000_000L;
    /** A backstop only: a chosen waiter is interrupted. */
    private static final long WAIT_POLL_MILLIS = 50;
    /**
     * A sleep, timed wait or timed park of at most this long may end at any decision, as if the round's other
     * threads had been held up that long: what noise holds a round's threads up by in all (RandomNoise's cap),
     * and so also what early ends may hold them up by in all, per round ({@link #holdUpLeft}).
     * A short sleep often stands for work or I/O, and the bug is that it can take longer or shorter than the
     * program assumes; the scheduler explores that, as noise does. A longer one ends only once the round's clock
     * reaches it: code that sleeps a long while, or sets a long timeout, counts on it, as a test that sleeps to
     * let threads get somewhere does, and no plain run would see them overtaken.
     */
    static final long EARLY_TIMEOUT_NANOS = 100_000_000L;
    private static final MethodHandle IS_VIRTUAL = isVirtualHandle();

    private final Object lock = new Object();
    private final SchedulePolicy policy;
    /**
     * Whether every sleep lasts until the clock reached its end, short ones too (timed waits and parks may still
     * end early): for {@code mixed}, where a test's short sleep that lets threads get somewhere must not end
     * before they got there (see {@link #EARLY_TIMEOUT_NANOS}).
     */
    private final boolean sleepsOnTime;
    /** The round seed: which waiter a {@code notify} wakes is drawn from it. */
    private final long seed;
    private final Map<Thread, ScheduledThread> threads = new HashMap<>();
    /** The round's threads by path: the stable order the policy sees the enabled ones in. */
    private final List<ScheduledThread> byPath = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    /** Children whose start their parent is about to perform: they join the round when it does. */
    private final Map<Thread, Long> announced = new HashMap<>();
    private final MonitorTable monitors = new MonitorTable();
    private final Schedule.Recorder recorder = new Schedule.Recorder();
    private final List<ScheduledThread> enabled = new ArrayList<>();
    private final List<ScheduledThread> waiters = new ArrayList<>();
    /** How many notifies the model performed on each monitor: a waiter's real wake-up may be one of them. */
    private final Map<Object, Integer> notifies = new IdentityHashMap<>();
    /** Permits given to threads before the round met them: see {@link #unparked}. */
    private final Set<Thread> earlyPermits = new HashSet<>();
    private final VirtualClock clock = new VirtualClock(System.nanoTime(), System.currentTimeMillis());
    /** Once closed: how far the round's clock had run ahead of the real one (see {@link #nanoTime}). */
    private volatile long leadAtClose;
    private ScheduledThread holder;
    private ScheduledThread last;
    /**
     * The policy's choice of a thread whose sleep or timeout ends early, handed the baton once that time has
     * passed in real time too (see {@link #decide}).
     */
    private ScheduledThread chosenEarly;
    /**
     * Whether a thread that could have run was passed over by the last choice: only then does an early end
     * stretch the sleeps under way (see {@link #endsByItsTimeout}).
     */
    private boolean othersHeldUp;
    /**
     * How much longer early ends may still hold up threads that could run, this round: a ticking timer whose
     * short timeouts may each end early would otherwise be runnable at every decision, and a policy that ranks
     * it first (PCT) would run it tick after tick while a thread with work waited.
     */
    private long holdUpLeft = EARLY_TIMEOUT_NANOS;
    private Thread watcher;
    private long holderBlockedSince;
    private long stuckSince;
    private int fallbacks;
    private String lostControl;
    private boolean cut;
    private volatile boolean closed;

    private Scheduler(SchedulePolicy policy, long seed, boolean sleepsOnTime) {
        this.policy = policy;
        this.seed = seed;
        this.sleepsOnTime = sleepsOnTime;
    }

    /** Uniformly random among the enabled threads at every decision. */
    public static Scheduler randomWalk(long seed) {
        return randomWalk(seed, false);
    }

    /** PCT with depth and change points drawn from the seed. */
    public static Scheduler pct(long seed) {
        return pct(seed, false);
    }

    /** POS: random priorities per pending event, re-drawn for the events that race with the one that ran. */
    public static Scheduler pos(long seed) {
        return pos(seed, false);
    }

    /** {@link #randomWalk(long)}; with {@code sleepsOnTime}, no sleep ends before the clock reached its end. */
    public static Scheduler randomWalk(long seed, boolean sleepsOnTime) {
        return new Scheduler(new RandomWalk(seed), seed, sleepsOnTime);
    }

    /** {@link #pct(long)}; with {@code sleepsOnTime}, no sleep ends before the clock reached its end. */
    public static Scheduler pct(long seed, boolean sleepsOnTime) {
        return new Scheduler(new PctPolicy(seed), seed, sleepsOnTime);
    }

    /** {@link #pos(long)}; with {@code sleepsOnTime}, no sleep ends before the clock reached its end. */
    public static Scheduler pos(long seed, boolean sleepsOnTime) {
        return new Scheduler(new PosPolicy(seed), seed, sleepsOnTime);
    }

    /** The policy with its drawn parameters. */
    public String describe() {
        String policyDescription = policy.describe();
        if (!sleepsOnTime) {
            return policyDescription;
        }
        int parameters = policyDescription.indexOf('(');
        return parameters < 0 ? policyDescription + "-on-time"
                : policyDescription.substring(0, parameters) + "-on-time" + policyDescription.substring(parameters);
    }

    /** A round thread is about to start {@code child}, which will run under {@code childPath}. */
    public void threadStarting(Thread child, long childPath) {
        if (closed) {
            return;
        }
        synchronized (lock) {
            if (isVirtual(child)) {
                loseControl("virtual thread '" + child.getName() + "' runs uncontrolled");
            } else {
                announced.put(child, childPath);
            }
        }
    }

    /**
     * A thread outside the round (a common-pool worker completing a future) unparked {@code target} inside the
     * JDK: if it is a round thread, it gets its permit, or it would wait in the model for ever. When that
     * happens depends on a thread the round does not control, so the round is no longer fully controlled.
     */
    public void unparkedFromOutside(Thread target) {
        if (closed) {
            return;
        }
        synchronized (lock) {
            ScheduledThread unparked = threads.get(target);
            if (!closed && unparked != null && unparked.status != ScheduledThread.Status.DONE) {
                unparked.permit = true;
                loseControl("thread '" + unparked.name + "' was unparked by a thread outside the round");
            }
        }
    }

    /**
     * JDK code in a round thread (an executor adding a worker, a {@code CompletableFuture}'s thread per task) is
     * about to start {@code child}: the round meets
     * it now, in transit, so the next decision waits for it to arrive, as for a start the agent reports.
     */
    public void startedInJdk(Thread child, long childPath) {
        if (closed) {
            return;
        }
        synchronized (lock) {
            if (closed || threads.containsKey(child) || isVirtual(child)
                    || child instanceof ForkJoinWorkerThread) {
                return; // a pool worker may belong to no round, or park through Unsafe: it would never arrive
            }
            ScheduledThread met = meet(child, childPath, child.getName());
            met.status = ScheduledThread.Status.TRANSIT;
            met.since = System.nanoTime();
        }
    }

    /**
     * The current thread is at a scheduling point, about to perform {@code event} at {@code site} (0: none):
     * returns when it is its turn (or the scheduler closed).
     * {@code WAIT} and {@code PARK} take their turn in {@link #waitOn} and {@link #park} instead.
     */
    public void atPoint(long path, String name, int event, Object target, int site) {
        atPoint(path, name, event, target, site, false);
    }

    /**
     * The current thread is about to {@code notify} ({@code all}: {@code notifyAll}) on {@code monitor}, as
     * {@link #atPoint}. A notify wakes one waiter, as the JVM's does: which one is drawn from the seed.
     */
    public void atNotify(long path, String name, Object monitor, boolean all, int site) {
        atPoint(path, name, Event.NOTIFY, monitor, site, all);
    }

    private void atPoint(long path, String name, int event, Object target, int site, boolean notifiesAll) {
        if (closed || event == Event.WAIT || event == Event.PARK || !Event.isSchedulingPoint(event)) {
            return;
        }
        Thread current = Thread.currentThread();
        if (uncontrollable(current)) {
            return;
        }
        ScheduledThread me;
        synchronized (lock) {
            if (closed) {
                return;
            }
            me = arrive(current, path, name);
            me.event = event;
            me.target = target;
            me.site = site;
            me.notifiesAll = notifiesAll;
            me.deadline = VirtualClock.NEVER;
            me.sleeping = false;
            if (handOver(me)) {
                return;
            }
        }
        awaitTurn(me);
    }

    /**
     * Performs {@code monitor.wait(millis)} (0: untimed) under control: the monitor is given up in the model,
     * the thread is schedulable again once notified (a timed wait also once its deadline passed on the round's
     * {@link VirtualClock}) and the monitor is free.
     * Returns false, having done nothing, when the round does not control this wait; the caller then waits.
     */
    public boolean waitOn(long path, String name, Object monitor, long millis) throws InterruptedException {
        if (closed || monitor == null || !Thread.holdsLock(monitor)) {
            return false; // not holding it: the real wait throws IllegalMonitorStateException
        }
        Thread current = Thread.currentThread();
        if (uncontrollable(current)) {
            return false;
        }
        ScheduledThread me;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            me = arrive(current, path, name);
            me.event = Event.WAIT;
            me.target = monitor;
            me.site = 0;
            timeout(me, millis > 0 ? saturatedNanos(millis) : -1);
            me.notified = false;
            me.notifiesAtWait = notifies.getOrDefault(monitor, 0);
            me.savedEntries = monitors.releaseForWait(monitor, me);
            handOver(me);
        }
        boolean interrupted = false;
        boolean wokenEarly = false;
        while (true) {
            synchronized (lock) {
                if (holder == me || closed) {
                    break;
                }
            }
            try {
                long start = System.nanoTime();
                monitor.wait(WAIT_POLL_MILLIS); // releases the monitor for the thread that will notify
                wokenEarly |= System.nanoTime() - start < WAIT_POLL_MILLIS * 900_000L; // a real notify, perhaps
            } catch (InterruptedException e) {
                synchronized (lock) {
                    if (me.wokenByScheduler) {
                        me.wokenByScheduler = false; // the scheduler's own: its turn
                    } else {
                        interrupted = true;
                        me.interruptPending = true;
                    }
                }
            }
        }
        boolean stillWaiting;
        synchronized (lock) {
            me.interruptPending = false;
            if (me.wokenByScheduler) {
                me.wokenByScheduler = false;
                Thread.interrupted(); // its turn came before the wait saw the scheduler's interrupt: not the user's
            }
            // A real wake-up the model's notifies on this monitor explain (the JVM wakes whom it likes) is no
            // notify of its own; one nothing explains came from where the agent cannot see, and is kept.
            boolean unseenNotify = wokenEarly && notifies.getOrDefault(monitor, 0) == me.notifiesAtWait;
            stillWaiting = holder != me && !me.notified && !unseenNotify && !interrupted;
        }
        if (interrupted || Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (stillWaiting) {
            // Closed before its turn and never notified: returning would be a wake-up nobody sent, which hides a
            // lost one. It waits as the program asked, for real, now that nothing is controlled.
            monitor.wait(millis);
        }
        return true;
    }

    /**
     * Performs {@code LockSupport.park} under control: schedulable again once unparked (or interrupted; a timed
     * park, of {@code nanos}, once due); returns early if the round closes meanwhile. Returns false when the
     * round does not control this park; the caller then parks.
     */
    public boolean park(long path, String name, boolean timed, long nanos) {
        return blockInModel(path, name, Event.PARK, timed ? Math.max(0, nanos) : -1, false);
    }

    /**
     * The current thread unparked {@code target} inside the JDK (a lock's release, a latch's count down, a
     * future's completion): the target's modelled permit is set, as the real one is. The caller holds the baton,
     * so this happens at the same step in every run. A round thread not met yet (an executor's worker started
     * where no hook saw it, on its way to its first park) gets the permit when it arrives.
     */
    public void unparked(Thread target) {
        if (closed) {
            return;
        }
        synchronized (lock) {
            ScheduledThread unparked = threads.get(target);
            if (unparked != null) {
                unparked.permit = true;
            } else if (!closed) {
                earlyPermits.add(target);
            }
        }
    }

    /**
     * Performs {@code Thread.sleep} of {@code nanos} under control: the thread is schedulable again once the
     * round's clock reached the end of the sleep (a short one at any decision: {@link #EARLY_TIMEOUT_NANOS}), or
     * it is interrupted (the caller then throws). Returns false
     * when the round does not control this sleep; the caller then sleeps.
     */
    public boolean sleep(long path, String name, long nanos) {
        return blockInModel(path, name, Event.SYNC_CALL, Math.max(0, nanos), true);
    }

    /**
     * A park ({@code event} PARK) or a sleep ({@code sleeping}) of {@code timeoutNanos} (negative: untimed),
     * performed in the model: returns when it is the thread's turn again, or early if the round closes meanwhile.
     * Returns false, having done nothing, when the round does not control the current thread.
     */
    private boolean blockInModel(long path, String name, int event, long timeoutNanos, boolean sleeping) {
        if (closed) {
            return false;
        }
        Thread current = Thread.currentThread();
        if (uncontrollable(current)) {
            return false;
        }
        ScheduledThread me;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            me = arrive(current, path, name);
            me.event = event;
            me.target = null;
            me.site = 0;
            timeout(me, timeoutNanos);
            me.sleeping = sleeping;
            if (handOver(me)) {
                me.sleeping = false;
                return true;
            }
        }
        awaitTurn(me);
        synchronized (lock) {
            me.sleeping = false;
            if (event == Event.PARK) {
                // Closed meanwhile: the park returns early, as parks may. A real park now could wait for ever: the
                // real permit may have been used up by the wait for the turn (the JDK's callers then re-check).
                me.permit = false;
            }
            return true;
        }
    }

    /**
     * {@code System.nanoTime()} for a thread of this round: the {@link VirtualClock} while the round is
     * controlled (a read by the baton holder moves it), and once control ended the real clock plus the lead the
     * virtual one had taken, so that time never goes back.
     */
    public long nanoTime() {
        if (!closed) {
            synchronized (lock) {
                if (!closed) {
                    return holdsBaton() ? clock.readNanos() : clock.peekNanos();
                }
            }
        }
        return System.nanoTime() + leadAtClose;
    }

    /** {@code System.currentTimeMillis()} for a thread of this round: as {@link #nanoTime}. */
    public long currentTimeMillis() {
        if (!closed) {
            synchronized (lock) {
                if (!closed) {
                    return holdsBaton() ? clock.readMillis() : clock.peekMillis();
                }
            }
        }
        return System.currentTimeMillis() + leadAtClose / 1_000_000L;
    }

    /**
     * The current thread acquired {@code monitor} (a synchronized block after its enter point, or a
     * synchronized method, whose entry has no point before it: the JVM took the monitor already).
     */
    public void acquired(Object monitor) {
        if (closed || monitor == null) {
            return;
        }
        synchronized (lock) {
            ScheduledThread me = threads.get(Thread.currentThread());
            if (!closed && me != null) {
                monitors.enter(monitor, me);
            }
        }
    }

    /** Whether the current thread runs under control now: its sleeps are then points, not waits. */
    public boolean controls() {
        if (closed) {
            return false;
        }
        synchronized (lock) {
            return !closed && holdsBaton();
        }
    }

    /** Ends control (the round ended, failed or timed out): every waiting thread goes on at once. */
    public void close() {
        synchronized (lock) {
            if (!closed) {
                leadAtClose = clock.leadOver(System.nanoTime());
            }
            closed = true;
            earlyPermits.clear();
            for (ScheduledThread thread : byPath) {
                if (thread.status == ScheduledThread.Status.AT_POINT && thread.event != Event.WAIT) {
                    LockSupport.unpark(thread.thread);
                }
            }
            LockSupport.unpark(watcher);
        }
    }

    /**
     * Ends control because the round ran out of time, before its threads are interrupted: what they do once
     * interrupted depends on when the clock struck, so the schedule stops here (see {@link Schedule#cut}).
     */
    public void cutByTimeout() {
        synchronized (lock) {
            cut = true;
        }
        close();
    }

    /** The decisions so far, with whether the round stayed fully controlled. */
    public Schedule schedule() {
        synchronized (lock) {
            return recorder.done(describe(), names, lostControl, cut);
        }
    }

    // ---- under the lock ---------------------------------------------------------------------------

    private boolean holdsBaton() {
        return holder != null && holder.thread == Thread.currentThread();
    }

    /** A timed wait, park or sleep of {@code nanos} from now (negative: untimed). */
    private void timeout(ScheduledThread me, long nanos) {
        me.sleeping = false;
        if (nanos < 0) {
            me.deadline = VirtualClock.NEVER;
            return;
        }
        me.deadline = clock.deadlineAfter(nanos);
        me.timeoutNanos = nanos;
        me.timeoutStart = System.nanoTime();
    }

    private static long saturatedNanos(long millis) {
        return millis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L;
    }

    private ScheduledThread arrive(Thread current, long path, String name) {
        ScheduledThread me = threads.get(current);
        return me != null ? me : meet(current, path, name);
    }

    private ScheduledThread meet(Thread thread, long path, String name) {
        ScheduledThread met = new ScheduledThread(thread, path, threads.size(), name, System.nanoTime());
        met.permit = earlyPermits.remove(thread);
        threads.put(thread, met);
        names.add(name);
        if (watcher == null) {
            watcher = startDaemon(this::watchUntilClosed, "jostle-schedule-watch");
        }
        policy.met(met);
        int at = byPath.size();
        while (at > 0 && byPath.get(at - 1).path > path) {
            at--;
        }
        byPath.add(at, met);
        return met;
    }

    /** The thread is at a point; decides if nobody else holds the baton. Returns whether it is its turn. */
    private boolean handOver(ScheduledThread me) {
        me.status = ScheduledThread.Status.AT_POINT;
        if (holder == me || holder == null) {
            holder = null;
            decide(System.nanoTime());
        }
        return holder == me;
    }

    private void awaitTurn(ScheduledThread me) {
        while (true) {
            synchronized (lock) {
                // Moved from the flag to the model under the lock: a decision in between would see neither,
                // and whether an interrupted parker is schedulable would depend on when it woke.
                if (Thread.interrupted()) {
                    me.interruptPending = true; // kept for the model, restored below
                }
                if (holder == me || closed) {
                    break;
                }
            }
            LockSupport.parkNanos(this, IDLE_NANOS);
        }
        synchronized (lock) {
            if (me.interruptPending) {
                me.interruptPending = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The watch thread's loop, until the round closes. */
    private void watchUntilClosed() {
        while (!closed) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                watch(System.nanoTime());
            }
            LockSupport.parkNanos(this, WATCH_NANOS);
        }
    }

    private Thread startDaemon(Runnable body, String name) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root != null && root.getParent() != null) {
            root = root.getParent(); // not the round's group: the round does not wait for it, nor count it
        }
        Thread thread = new Thread(root, body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The watch thread's look: a holder that ended or blocked unseen, a started thread that never arrives, a
     * round where everyone is blocked.
     */
    private void watch(long now) {
        if (holder != null) {
            Thread.State state = holder.thread.getState();
            if (state == Thread.State.TERMINATED) {
                holder.status = ScheduledThread.Status.DONE;
                holder = null;
            } else if (state == Thread.State.BLOCKED && blockedOnRoundMonitor(holder)) {
                holder = null;
            } else if (state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING) {
                if (holderBlockedSince == 0) {
                    holderBlockedSince = now;
                } else if (now - holderBlockedSince > BLOCKED_NANOS) {
                    loseControl("thread '" + holder.name + "' blocked where the agent does not see it ("
                            + state + ")");
                    holder.status = ScheduledThread.Status.FREE;
                    holder = null;
                    if (++fallbacks >= MAX_FALLBACKS) {
                        close(); // a program that keeps blocking unseen (an executor's workers) runs free
                        return;
                    }
                }
            } else {
                holderBlockedSince = 0;
            }
        }
        if (holder == null) {
            decide(now);
        }
    }

    private void decide(long now) {
        if (closed || holder != null) {
            return;
        }
        if (chosenEarly != null) {
            if (now - chosenEarly.timeoutStart < chosenEarly.timeoutNanos) {
                return; // the watch comes back
            }
            ScheduledThread chosen = chosenEarly;
            chosenEarly = null;
            handTo(chosen, now);
            return;
        }
        for (ScheduledThread thread : byPath) {
            if (thread.status == ScheduledThread.Status.BLOCKED_IN_JVM
                    && monitors.enterable(thread.blockedOn, thread)) {
                thread.status = ScheduledThread.Status.TRANSIT; // the JVM gives it the monitor: on to its next point
                thread.blockedOn = null;
                thread.since = now;
            }
        }
        for (ScheduledThread thread : byPath) {
            if (thread.status == ScheduledThread.Status.TRANSIT) {
                Thread.State state = thread.thread.getState();
                if (state == Thread.State.TERMINATED) {
                    thread.status = ScheduledThread.Status.DONE;
                } else if (state == Thread.State.BLOCKED && blockedOnRoundMonitor(thread)) {
                    continue;
                } else if (now - thread.since < TRANSIT_NANOS) {
                    return; // a decision now would depend on how fast it arrives
                } else {
                    loseControl("thread '" + thread.name + "' did not reach an instrumented point in "
                            + TRANSIT_NANOS / 1_000_000 + " ms");
                    thread.status = ScheduledThread.Status.FREE;
                }
            }
        }
        boolean anyWaiting = collectEnabled();
        while (enabled.isEmpty() && anyWaiting) {
            // Nothing can run before the earliest timeout ends: the clock jumps there, once it also ended for real.
            ScheduledThread next = earliestTimeout();
            if (next == null) {
                break;
            }
            if (now - next.timeoutStart < next.timeoutNanos) {
                stuckSince = 0;
                return; // the watch comes back
            }
            clock.advanceTo(next.deadline);
            anyWaiting = collectEnabled();
        }
        if (enabled.isEmpty()) {
            if (anyWaiting && lostControl == null && deadlocked()) {
                close(); // the schedule stays exact up to here; freed, the threads deadlock for real and are reported
                return;
            }
            if (!anyWaiting) {
                stuckSince = 0;
            } else if (stuckSince == 0) {
                stuckSince = now;
            } else if (now - stuckSince > STUCK_NANOS) {
                // Every thread waits in the model (a lost wake-up, or one the agent did not see): control ends
                // here, and the decisions so far were all the policy's, so a replay is still checked against them.
                close();
            }
            return;
        }
        stuckSince = 0;
        ScheduledThread chosen = policy.choose(enabled, last, recorder.length());
        othersHeldUp = false;
        for (ScheduledThread other : enabled) {
            othersHeldUp |= other != chosen && !endsEarly(other);
        }
        if (endsEarly(chosen) && now - chosen.timeoutStart < chosen.timeoutNanos) {
            // The round's clock never passes a sleep's or timeout's end before real time does: a program that
            // also reads the real clock (Instant.now, a library's own timer) would see a sleep end too soon.
            // Nothing of the round runs meanwhile, so the decisions do not depend on it.
            chosenEarly = chosen;
            return;
        }
        handTo(chosen, now);
    }

    /** Whether {@code chosen} goes on by its sleep's or timeout's end before the round's clock reached it. */
    private boolean endsEarly(ScheduledThread chosen) {
        if (chosen.deadline == VirtualClock.NEVER || clock.due(chosen.deadline) || chosen.interrupted()) {
            return false;
        }
        return chosen.sleeping || chosen.event == Event.WAIT && !chosen.notified
                || chosen.event == Event.PARK && !chosen.permit;
    }

    /** Records the decision and gives {@code chosen} the baton. */
    private void handTo(ScheduledThread chosen, long now) {
        recorder.add(chosen.number, chosen.site, chosen.event);
        clock.step();
        holder = chosen;
        last = chosen;
        holderBlockedSince = 0;
        chosen.status = ScheduledThread.Status.RUNNING;
        perform(chosen, now);
        if (chosen.thread == Thread.currentThread()) {
            return;
        }
        if (chosen.event != Event.WAIT) {
            LockSupport.unpark(chosen.thread);
        } else if (!chosen.thread.isInterrupted()) { // interrupted already: its wait ends by itself
            chosen.wokenByScheduler = true;
            chosen.thread.interrupt();
        }
    }

    /** Fills {@link #enabled}; returns whether any thread waits at a point or for a monitor. */
    private boolean collectEnabled() {
        enabled.clear();
        boolean anyWaiting = false;
        for (ScheduledThread thread : byPath) {
            if (thread.status == ScheduledThread.Status.AT_POINT) {
                anyWaiting = true;
                if (schedulable(thread)) {
                    enabled.add(thread);
                }
            } else if (thread.status == ScheduledThread.Status.BLOCKED_IN_JVM) {
                anyWaiting = true;
            }
        }
        return anyWaiting;
    }

    /** The waiting thread whose timeout ends first and has not yet, or null. */
    private ScheduledThread earliestTimeout() {
        ScheduledThread earliest = null;
        for (ScheduledThread thread : byPath) {
            if (thread.status == ScheduledThread.Status.AT_POINT && thread.deadline != VirtualClock.NEVER
                    && !clock.due(thread.deadline) && (earliest == null || thread.deadline < earliest.deadline)) {
                earliest = thread;
            }
        }
        return earliest;
    }

    /**
     * Whether the round, fully controlled so far, is certainly deadlocked: every thread has ended or waits to
     * enter a monitor another round thread holds, or to join a thread that cannot end. Nothing outside the round
     * can free a monitor a round thread holds, so no wait for a wake-up the agent did not see is needed. A
     * waiter or a parked thread is different: a thread outside the round may notify or unpark it.
     */
    private boolean deadlocked() {
        for (ScheduledThread thread : byPath) {
            switch (thread.status) {
                case DONE:
                case BLOCKED_IN_JVM:
                    break;
                case AT_POINT:
                    if (thread.event != Event.MONITOR_ENTER && !(thread.event == Event.SYNC_CALL
                            && thread.target instanceof Thread && threads.containsKey(thread.target))) {
                        return false;
                    }
                    break;
                default:
                    return false; // in transit, or running free: it may yet free something
            }
        }
        return true;
    }

    /**
     * Whether {@code thread}, blocked inside the JVM, waits for a monitor another round thread holds in the
     * model (a synchronized method's, taken before any point): then it waits as {@link
     * ScheduledThread.Status#BLOCKED_IN_JVM}, deterministically, instead of falling back. A second thread
     * blocked on the same monitor would make the JVM's choice between them the schedule's: that loses control.
     */
    private boolean blockedOnRoundMonitor(ScheduledThread thread) {
        LockInfo wanted = LockQueries.blockedOn(thread.thread);
        Object monitor = wanted == null ? null
                : monitors.heldByOther(wanted.getIdentityHashCode(), wanted.getClassName(), thread);
        if (monitor == null) {
            return false;
        }
        for (ScheduledThread other : byPath) {
            if (other.status == ScheduledThread.Status.BLOCKED_IN_JVM && other.blockedOn == monitor) {
                loseControl("threads '" + other.name + "' and '" + thread.name + "' wait inside the JVM for one"
                        + " monitor (a synchronized method's): the JVM picks which gets it");
            }
        }
        thread.status = ScheduledThread.Status.BLOCKED_IN_JVM;
        thread.blockedOn = monitor;
        return true;
    }

    private boolean schedulable(ScheduledThread thread) {
        if (thread.sleeping) {
            return (sleepsOnTime ? clock.due(thread.deadline) : timeoutMayEnd(thread)) || thread.interrupted();
        }
        switch (thread.event) {
            case Event.MONITOR_ENTER:
                return thread.target == null || monitors.enterable(thread.target, thread);
            case Event.WAIT:
                return (thread.notified || timeoutMayEnd(thread) || thread.interrupted())
                        && monitors.enterable(thread.target, thread);
            case Event.PARK:
                return thread.permit || timeoutMayEnd(thread) || thread.interrupted();
            case Event.SYNC_CALL:
                return !(thread.target instanceof Thread) || joinable((Thread) thread.target);
            default:
                return true;
        }
    }

    private boolean timeoutMayEnd(ScheduledThread thread) {
        return clock.due(thread.deadline)
                || thread.deadline != VirtualClock.NEVER && thread.timeoutNanos <= EARLY_TIMEOUT_NANOS
                        && thread.deadline - clock.now() <= holdUpLeft;
    }

    /**
     * The chosen sleeper, waiter or parker goes on by its timeout before the clock reached it, so the clock moves
     * to its end. If a thread that could have run was held up meanwhile, every other sleep under way is stretched
     * by as much, as noise stretches sleeps, so that a long one is not cut short by the others' early ends (see
     * {@link #EARLY_TIMEOUT_NANOS}). If none could, the time passed with nothing to do, as when the clock jumps
     * because nothing can run: stretched then, a test's long sleep next to a pool's ticking timer never ended.
     */
    private void endsByItsTimeout(ScheduledThread chosen) {
        long early = chosen.deadline - clock.now();
        if (early <= 0) {
            return;
        }
        if (othersHeldUp) {
            holdUpLeft -= early;
            for (ScheduledThread thread : byPath) {
                if (thread.sleeping && thread.status == ScheduledThread.Status.AT_POINT && !clock.due(thread.deadline)) {
                    // A sleep already over is a thread that could run: held up, not stretched.
                    thread.deadline = thread.deadline >= VirtualClock.NEVER - 1 - early ? VirtualClock.NEVER - 1
                            : thread.deadline + early;
                }
            }
        }
        clock.advanceTo(chosen.deadline);
    }

    /** A join may go on once the thread ended; a thread outside the round is joined for real (and may block). */
    private boolean joinable(Thread target) {
        ScheduledThread joined = threads.get(target);
        return joined == null || joined.status == ScheduledThread.Status.DONE || !target.isAlive();
    }

    /** What the chosen thread's event does to the model, now that it is the one running. */
    private void perform(ScheduledThread chosen, long now) {
        Object target = chosen.target;
        if (chosen.sleeping && !chosen.interrupted()) {
            endsByItsTimeout(chosen);
        }
        switch (chosen.event) {
            case Event.MONITOR_EXIT:
                if (target != null) {
                    monitors.exit(target, chosen);
                }
                break;
            case Event.WAIT:
                if (!chosen.notified && !chosen.interrupted()) {
                    endsByItsTimeout(chosen);
                }
                monitors.reacquireAfterWait(target, chosen, chosen.savedEntries);
                chosen.notified = false;
                break;
            case Event.NOTIFY:
                notify(target, chosen.notifiesAll);
                break;
            case Event.PARK:
                if (!chosen.permit && !chosen.interrupted()) {
                    endsByItsTimeout(chosen);
                }
                chosen.permit = false;
                break;
            case Event.UNPARK:
                ScheduledThread unparked = threads.get(target);
                if (unparked != null) {
                    unparked.permit = true;
                }
                break;
            case Event.THREAD_START:
                Long path = announced.remove(target);
                if (path != null && target instanceof Thread && !threads.containsKey(target)) {
                    ScheduledThread child = meet((Thread) target, path, ((Thread) target).getName());
                    child.status = ScheduledThread.Status.TRANSIT;
                    child.since = now;
                }
                break;
            default:
                break;
        }
    }

    /**
     * Moves the waiters on {@code monitor} out of its wait set: all of them, or one drawn from the seed and the
     * step. Waking only one matters: code that calls {@code notify} where it needs {@code notifyAll} loses a
     * wake-up only when the wrong waiter gets it.
     */
    private void notify(Object monitor, boolean all) {
        notifies.merge(monitor, 1, Integer::sum);
        waiters.clear();
        for (ScheduledThread thread : byPath) {
            if (thread.status == ScheduledThread.Status.AT_POINT && thread.event == Event.WAIT
                    && thread.target == monitor && !thread.notified) {
                waiters.add(thread);
            }
        }
        if (all) {
            waiters.forEach(thread -> thread.notified = true);
        } else if (!waiters.isEmpty()) {
            long draw = SplitMix.mix(seed ^ SplitMix.mix(0x4E4F54L + recorder.length()));
            waiters.get((int) Long.remainderUnsigned(draw, waiters.size())).notified = true;
        }
    }

    private void loseControl(String reason) {
        if (lostControl == null) {
            lostControl = reason;
        }
    }

    // ---- virtual threads --------------------------------------------------------------------------

    /** A virtual thread waiting for the baton could pin the carrier the holder needs: it runs uncontrolled. */
    private boolean uncontrollable(Thread current) {
        if (!isVirtual(current)) {
            return false;
        }
        synchronized (lock) {
            loseControl("virtual thread '" + current.getName() + "' runs uncontrolled");
        }
        return true;
    }

    private static boolean isVirtual(Thread thread) {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(thread);
        } catch (Throwable unexpected) {
            return false;
        }
    }

    private static MethodHandle isVirtualHandle() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual",
                    MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException beforeJdk21) {
            return null;
        }
    }
}
