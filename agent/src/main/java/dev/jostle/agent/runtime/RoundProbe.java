package dev.jostle.agent.runtime;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.ProbeBinding;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.noise.NoisePlan;
import dev.jostle.agent.noise.SplitMix;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.race.RaceDetector;
import dev.jostle.agent.schedule.Scheduler;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** The probe the threads of one round report to: counts, records sites, and asks the plan for noise. */
final class RoundProbe implements Probe {

    private final long seed;
    private final NoisePlan plan;
    private final boolean recording;
    /** States of threads that report without a binding to this probe (not through Hooks): rare. */
    private final ThreadLocal<ThreadState> unbound = new ThreadLocal<>();
    private final Queue<ThreadState> allStates = new ConcurrentLinkedQueue<>();
    private final Map<Thread, Long> pendingPaths = new ConcurrentHashMap<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    /** For threads whose start no hook saw: how many of each name shape arrived (see {@link #unseenPath}). */
    private final Map<String, AtomicInteger> unseenByShape = new ConcurrentHashMap<>();
    private final Thread root;
    /** Null when the session does not look for races. */
    private final RaceDetector races;
    /** Null unless the round is controlled: then its threads run one at a time (see {@link Scheduler}). */
    private final Scheduler scheduler;
    /** Nothing to decide and nothing to record (strategy none, no recording): events end here. */
    private final boolean quiet;
    private volatile boolean closed;
    /** The round failed and its threads outlived the interrupt: each stops for good at its next event. */
    private volatile boolean abandoned;
    private final Set<Thread> held = ConcurrentHashMap.newKeySet();
    /** A sleep outlasts other threads' noise by at most ten times its length, within these bounds. */
    private static final long MIN_SLEEP_STRETCH_NANOS = 1_000_000_000L;
    private static final long MAX_SLEEP_STRETCH_NANOS = 10_000_000_000L;

    RoundProbe(long seed, NoisePlan plan, boolean recording, Thread root, RaceDetector races) {
        this(seed, plan, recording, root, races, null);
    }

    RoundProbe(long seed, NoisePlan plan, boolean recording, Thread root, RaceDetector races, Scheduler scheduler) {
        this.seed = seed;
        this.plan = plan;
        this.recording = recording;
        this.root = root;
        this.races = races;
        this.scheduler = scheduler;
        this.quiet = plan == NoisePlan.SILENT && !recording && races == null && scheduler == null;
        if (scheduler != null) {
            Probes.controlledOpened(this);
        }
    }

    @Override
    public void on(int event, Object target, int index, int site) {
        on(Probes.binding(), event, target, index, site);
    }

    @Override
    public void on(ProbeBinding binding, int event, Object target, int index, int site) {
        if (closed) {
            holdIfAbandoned();
            return; // closed: a thread the round left behind no longer belongs to any round
        }
        if (quiet) {
            return;
        }
        ThreadState thread = state(binding);
        if (event == Event.MONITOR_ENTER) {
            thread.enteringMonitor = target;
        } else if (event == Event.AFTER_MONITOR_ENTER && target == null) {
            target = thread.enteringMonitor; // see Hooks.afterMonitorEntered
            thread.enteringMonitor = null;
        }
        if (event == Event.AFTER_MONITOR_ENTER && scheduler != null) {
            scheduler.acquired(target);
        }
        if (recording && site > 0) {
            thread.hit(site);
        }
        if (event == Event.THREAD_START && target instanceof Thread) {
            threadStarting(thread, (Thread) target);
        }
        if (Event.isSchedulingPoint(event)) {
            thread.countPoint();
            plan.atPoint(thread, event, site);
            if (scheduler != null) {
                if (event == Event.NOTIFY) {
                    scheduler.atNotify(thread.path(), thread.name(), target, index == Event.NOTIFY_ALL, site);
                } else {
                    scheduler.atPoint(thread.path(), thread.name(), event, target, site);
                }
            }
        }
        if (races != null) {
            // After the noise: the access happens now, not before the delay.
            races.on(thread.raceClock, event, target, index, site);
        }
    }

    @Override
    public void beforeSleep(ProbeBinding binding) {
        if (closed || plan == NoisePlan.SILENT) {
            return; // no noise in this round: nothing to outlast
        }
        ThreadState me = state(binding);
        me.sleepStart = delaysSoFar(me.sleepStart);
    }

    /**
     * Makes a sleep last until the round's other threads have made up the noise they got while it slept:
     * as long as the most delayed of them was held back, and until any delay under way ends. Bounded, and
     * cut short by an interrupt (which stays set), so a sleep never waits for much more than noise.
     */
    @Override
    public void afterSleep(ProbeBinding binding, long millis) {
        if (closed || plan == NoisePlan.SILENT || millis <= 0) {
            return;
        }
        ThreadState me = state(binding);
        long[] start = me.sleepStart;
        long limit = System.nanoTime() + Math.min(MAX_SLEEP_STRETCH_NANOS,
                Math.max(MIN_SLEEP_STRETCH_NANOS, 10_000_000 * Math.min(millis, 1_000_000)));
        while (!closed && !Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            long owed = 0;
            int i = 0;
            for (ThreadState other : allStates) {
                long delayed = other.delayedNanos();
                if (other != me) {
                    owed = Math.max(owed, delayed - (i < start.length ? start[i] : 0));
                    long ends = other.delayEnds();
                    if (ends != 0) {
                        owed = Math.max(owed, ends - now);
                    }
                }
                if (i < start.length) {
                    start[i] = delayed;
                }
                i++;
            }
            if (i > start.length) {
                start = me.sleepStart = delaysSoFar(start); // threads that arrived while it slept: from now on
            }
            long wait = Math.min(owed, limit - now);
            if (wait <= 0) {
                return;
            }
            LockSupport.parkNanos(wait);
        }
    }

    /** Each state's delays so far, in {@link #allStates} order, in {@code into} when it is big enough. */
    private long[] delaysSoFar(long[] into) {
        int n = 0;
        for (ThreadState ignored : allStates) {
            n++;
        }
        long[] result = into.length >= n ? into : new long[n + 4];
        int i = 0;
        for (ThreadState state : allStates) {
            if (i == result.length) {
                break; // arrived between the two walks: counted at the next look
            }
            result[i++] = state.delayedNanos();
        }
        return result;
    }

    /** The same as {@link #on} for a field or array access, with the branches of other events left out. */
    @Override
    public void onAccess(ProbeBinding binding, int event, Object target, int index, int site) {
        ThreadState thread = accessing(binding, event, site);
        if (thread != null && races != null) {
            races.onAccess(thread.raceClock, event, target, index, site);
        }
    }

    /** Noise and recording as for any read; the race detector leaves it to the write that follows. */
    @Override
    public void onReadForUpdate(ProbeBinding binding, int event, Object target, int index, int site) {
        ThreadState thread = accessing(binding, event, site);
        if (thread != null && races != null) {
            races.readForUpdate(thread.raceClock, event, target, index, site);
        }
    }

    /** Records and perturbs an access; returns the thread's state, or null when the round ignores it. */
    private ThreadState accessing(ProbeBinding binding, int event, int site) {
        if (closed) {
            holdIfAbandoned();
            return null;
        }
        if (quiet) {
            return null;
        }
        ThreadState thread = state(binding);
        if (recording && site > 0) {
            thread.hit(site);
        }
        thread.countPoint(); // every access is a scheduling point
        plan.atPoint(thread, event, site);
        if (scheduler != null) {
            scheduler.atPoint(thread.path(), thread.name(), event, null, site);
        }
        return thread;
    }

    @Override
    public boolean waitInstead(ProbeBinding binding, Object monitor, long millis) throws InterruptedException {
        if (closed || scheduler == null) {
            return false;
        }
        ThreadState thread = state(binding);
        return scheduler.waitOn(thread.path(), thread.name(), monitor, millis);
    }

    @Override
    public boolean parkInstead(ProbeBinding binding, boolean timed, long nanos) {
        if (closed || scheduler == null) {
            return false;
        }
        ThreadState thread = state(binding);
        return scheduler.park(thread.path(), thread.name(), timed, nanos);
    }

    @Override
    public void unparked(ProbeBinding binding, Thread target) {
        if (!closed && scheduler != null) {
            scheduler.unparked(target);
        }
    }

    @Override
    public void unparkedFromOutside(Thread target) {
        if (!closed && scheduler != null) {
            scheduler.unparkedFromOutside(target);
        }
    }

    /** Only a controlled round cares: the worker gets its path from its starter, and the round waits for it. */
    @Override
    public void startingInJdk(ProbeBinding binding, Thread child) {
        if (closed || scheduler == null) {
            return;
        }
        long childPath = state(binding).childPath();
        pendingPaths.put(child, childPath);
        scheduler.startedInJdk(child, childPath);
    }

    @Override
    public boolean sleepInstead(ProbeBinding binding, long nanos) {
        if (closed || scheduler == null || !scheduler.controls()) {
            return false;
        }
        ThreadState thread = state(binding);
        return scheduler.sleep(thread.path(), thread.name(), nanos);
    }

    /**
     * A controlled round's threads read its virtual clock: what they compute from time then replays too. Threads
     * it leaves behind go on reading the real clock plus the lead the virtual one took, never an earlier time.
     */
    @Override
    public long nanoTime(ProbeBinding binding) {
        return scheduler == null ? System.nanoTime() : scheduler.nanoTime();
    }

    @Override
    public long currentTimeMillis(ProbeBinding binding) {
        return scheduler == null ? System.currentTimeMillis() : scheduler.currentTimeMillis();
    }

    /** The controlled round's decisions so far, or null when the round is not controlled. */
    dev.jostle.agent.schedule.Schedule schedule() {
        return scheduler == null ? null : scheduler.schedule();
    }

    private void threadStarting(ThreadState parent, Thread child) {
        long childPath = parent.childPath();
        pendingPaths.put(child, childPath);
        plan.threadStarting(parent, childPath);
        if (scheduler != null) {
            scheduler.threadStarting(child, childPath);
        }
    }

    /** The current thread's state, kept in its binding to this probe: no thread-local lookup of our own. */
    private ThreadState state(ProbeBinding binding) {
        if (binding != null && binding.probe() == this) {
            Object state = binding.state;
            if (state != null) {
                return (ThreadState) state;
            }
        }
        return firstStateOrUnbound(binding);
    }

    private ThreadState firstStateOrUnbound(ProbeBinding binding) {
        boolean bound = binding != null && binding.probe() == this;
        ThreadState state = bound ? (ThreadState) binding.state : unbound.get();
        if (state == null) {
            Thread current = Thread.currentThread();
            Long path = pendingPaths.remove(current);
            long resolved = current == root ? 1L : path != null ? path : unseenPath(current.getName());
            state = new ThreadState(current.getName(), resolved, arrivals.getAndIncrement(), seed);
            if (races != null) {
                state.raceClock = races.threadClock();
            }
            if (bound) {
                binding.state = state;
            } else {
                unbound.set(state);
            }
            allStates.add(state);
        }
        return state;
    }

    /**
     * A path for a thread started where no hook saw it (by JDK code such as an executor). Its name's digits
     * are JVM-wide counters ({@code pool-7-thread-2}) that differ from run to run, so the path comes from
     * the name without digits and how many such threads arrived before it: stable whenever the program
     * starts its threads in the same order.
     */
    private long unseenPath(String name) {
        String shape = name.replaceAll("[0-9]+", "#");
        int nth = unseenByShape.computeIfAbsent(shape, s -> new AtomicInteger()).incrementAndGet();
        return SplitMix.mix(shape.hashCode() * 0x9E3779B97F4A7C15L + nth);
    }

    /** Whether the round needs the hooks armed at all: a quiet round ignores every event anyway. */
    boolean needsEvents() {
        return !quiet;
    }

    /**
     * Stops this round's threads for good, each at its next event: Java cannot stop a thread safely, but a
     * thread parked where it would next touch shared state or synchronise changes nothing any more. For a round
     * that failed (a hang, a deadlock) and whose threads ignored the interrupt, so that they cannot run on into
     * later tests. A held thread keeps the locks it holds, which only the abandoned round's threads wanted.
     */
    void abandon() {
        abandoned = true;
        closed = true;
        if (scheduler != null) {
            scheduler.close();
            Probes.controlledClosed(this);
        }
    }

    private void holdIfAbandoned() {
        if (!abandoned) {
            return;
        }
        held.add(Thread.currentThread());
        while (true) {
            LockSupport.park(this);
            Thread.interrupted(); // an interrupt ends a park: park again
        }
    }

    /** The threads stopped by {@link #abandon()} so far. */
    Set<Thread> held() {
        return Collections.unmodifiableSet(held);
    }

    /** The round failed: its schedule ends with the failing step (see {@link Round#endControl}). */
    void endControl() {
        if (scheduler != null) {
            scheduler.close();
        }
    }

    /** The round ran out of time: its schedule stops before its threads are interrupted. */
    void cutSchedule() {
        if (scheduler != null) {
            scheduler.cutByTimeout();
        }
    }

    void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.close();
            Probes.controlledClosed(this);
        }
        if (races != null) {
            races.close();
        }
    }

    Iterable<ThreadState> threads() {
        return allStates;
    }

    /** The races found in this round (empty when the session does not look for races). */
    List<Race> races() {
        return races == null ? List.of() : races.races();
    }
}
