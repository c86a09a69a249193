package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Happens-before race detection for one round (FastTrack). Every thread carries a vector clock; releases
 * (monitor exit, volatile write, thread start, unpark, a {@code java.util.concurrent} call) publish it and
 * acquires (monitor enter, volatile read, join, park, a {@code java.util.concurrent} call's return) take it
 * in. A plain access races with an earlier one to the same variable by another thread when at least one is
 * a write and the earlier one is not ordered before it.
 *
 * <p>Threads the round did not start through an instrumented {@code Thread.start} (pool workers started
 * inside the JDK) are treated conservatively: before each event they acquire everything published through
 * {@code java.util.concurrent}, and after it they publish to it, so a hand-off through an executor, in
 * either direction, never looks like a race.
 *
 * <p>The round's probe drives it, each event with the calling thread's {@link ThreadClock}; what it finds
 * goes to a {@link RaceLog}.
 */
public final class RaceDetector {

    private static final long NO_CONFLICT = Conflicts.NONE;

    private final ThreadLocal<ThreadClock> threads = new ThreadLocal<>();
    private final Map<Thread, ThreadClock> byThread = new ConcurrentHashMap<>();
    private final Map<Thread, VectorClock> forks = new ConcurrentHashMap<>();
    private final AtomicInteger nextTid = new AtomicInteger();
    /** By thread number: threads are numbered and filed concurrently, so not a list in arrival order. */
    private final Map<Integer, String> threadNames = new ConcurrentHashMap<>();
    private final ShadowMemory shadows = new ShadowMemory();
    private final Map<String, Integer> fieldNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextFieldNumber = new AtomicInteger();
    /** Everything released through java.util.concurrent calls, whose receivers the hooks do not see. */
    private final VectorClock concurrentPackage = new VectorClock();
    private final RaceLog log = new RaceLog(this::threadName);
    private volatile boolean closed;

    /**
     * An event of the thread whose clock is {@code me} (which the caller keeps, see {@link #threadClock()}):
     * an access is checked, a synchronisation's happens-before edge recorded.
     *
     * @param me the calling thread's clock; null (a thread the detector does not track) ignores the event
     */
    public void on(ThreadClock me, int event, Object target, int index, int site) {
        if (me == null || closed) {
            return;
        }
        if (me.conservative) {
            acquireConcurrentPackage(me);
        }
        handle(me, event, target, index, site);
        if (me.conservative) {
            // A pool worker hands results back inside the JDK (FutureTask.set, say), where no hook sees a
            // release: publish after every event, so whoever synchronises with the executor next sees it.
            releaseToConcurrentPackage(me);
        }
    }

    /**
     * {@link #on(ThreadClock, int, Object, int, int)} for a field or array access only: the hot path, kept
     * short so that the JIT compiles it apart from the synchronisation events.
     */
    public void onAccess(ThreadClock me, int event, Object target, int index, int site) {
        if (me == null || closed) {
            return;
        }
        if (me.conservative) {
            on(me, event, target, index, site);
        } else {
            memoryAccess(me, event, target, index, site);
        }
    }

    /**
     * A read for update (see {@link dev.jostle.agent.bootstrap.Probe#onReadForUpdate}): unchecked, since the
     * write that follows checks everything this read's check would. Except in a conservative thread, whose
     * clock grows at every event: there the write's larger clock could hide a race of the read's, so the
     * read is checked as usual.
     */
    public void readForUpdate(ThreadClock me, int event, Object target, int index, int site) {
        if (me != null && me.conservative) {
            onAccess(me, event, target, index, site);
        }
    }

    /** Memory accesses first and small, so that the JIT inlines the hot path into the hooks. */
    private void handle(ThreadClock me, int event, Object target, int index, int site) {
        if (event == Event.ARRAY_READ || event == Event.ARRAY_WRITE || event == Event.FIELD_READ
                || event == Event.FIELD_WRITE) {
            memoryAccess(me, event, target, index, site);
        } else {
            synchronisation(me, event, target, site);
        }
    }

    /** A field or array access (and no other event). */
    private void memoryAccess(ThreadClock me, int event, Object target, int index, int site) {
        if (event == Event.ARRAY_READ || event == Event.ARRAY_WRITE) {
            arrayAccess(me, target, index, site, event == Event.ARRAY_WRITE);
        } else {
            fieldAccess(me, target, site, event == Event.FIELD_WRITE);
        }
    }

    private void synchronisation(ThreadClock me, int event, Object target, int site) {
        switch (event) {
            case Event.AFTER_VOLATILE_READ:
                acquire(me, shadow(me, target, fieldNumber(me, site)));
                break;
            case Event.AFTER_MONITOR_ENTER:
            case Event.AFTER_WAIT:
                if (target != null) { // null: the enter was not seen (a round opened in between)
                    acquire(me, monitor(me, target));
                }
                break;
            case Event.MONITOR_EXIT:
            case Event.WAIT:
                release(me, monitor(me, target));
                break;
            case Event.SYNC_CALL:
                releaseToConcurrentPackage(me);
                break;
            case Event.AFTER_SYNC_CALL:
                acquireConcurrentPackage(me);
                break;
            case Event.THREAD_START:
                if (target instanceof Thread) {
                    forks.put((Thread) target, new VectorClock(me.clock));
                    me.tick();
                }
                break;
            case Event.AFTER_THREAD_JOIN:
                ThreadClock joined = target instanceof Thread ? byThread.get(target) : null;
                if (joined != null) {
                    me.clock.join(joined.clock);
                }
                break;
            case Event.UNPARK:
                if (target != null) {
                    release(me, shadows.of(target, ShadowMemory.PARK_PERMIT));
                }
                break;
            case Event.AFTER_PARK:
                acquire(me, shadows.of(Thread.currentThread(), ShadowMemory.PARK_PERMIT));
                break;
            default:
                break; // monitor enter, notify, park: no edge of their own
        }
    }

    /** The races found so far, each site pair once. */
    public List<Race> races() {
        return log.races();
    }

    /** Stops looking; threads the round left behind are ignored from now on. */
    public void close() {
        closed = true;
    }

    /** Variables with shadow state now: a measure of what the detector holds on to. */
    int shadowCount() {
        return shadows.size();
    }

    /**
     * The calling thread's clock, made at its first call; null when the detector can name no more threads
     * and ignores this one.
     */
    public ThreadClock threadClock() {
        ThreadClock me = threads.get();
        if (me != null) {
            return me;
        }
        Thread thread = Thread.currentThread();
        int tid = nextTid.getAndIncrement();
        if (tid >= Epochs.MAX_THREADS) {
            return null; // more threads than epochs can name: stop tracking newcomers rather than misreport
        }
        VectorClock forkedFrom = forks.remove(thread);
        VectorClock clock = forkedFrom == null ? new VectorClock() : forkedFrom;
        // The round's first thread starts the round; any other thread we did not see started was started
        // by code we do not instrument (an executor in the JDK): order it conservatively.
        boolean conservative = forkedFrom == null && tid > 0;
        clock.increment(tid);
        me = new ThreadClock(tid, thread.getName(), clock, conservative);
        threads.set(me);
        byThread.put(thread, me);
        threadNames.put(tid, thread.getName());
        return me;
    }

    private void arrayAccess(ThreadClock me, Object array, int index, int site, boolean write) {
        Shadow element = array == null ? null : element(me, array, index);
        if (element != null) { // null: out of bounds, the access itself throws
            access(me, element, site, write);
        }
    }

    private void fieldAccess(ThreadClock me, Object owner, int site, boolean write) {
        int field = fieldNumber(me, site);
        if (field < 0) {
            return;
        }
        Shadow shadow = shadow(me, owner, field);
        if (field % 2 == 1) {
            if (write) {
                release(me, shadow); // a volatile write publishes; volatile accesses never race
            }
            return;
        }
        access(me, shadow, site, write);
    }

    /**
     * A monitor's shadow. The thread's last monitor is remembered by identity: no identity hash, which
     * for a monitor this thread holds is a call into the VM.
     */
    private Shadow monitor(ThreadClock me, Object monitor) {
        Shadow last = me.lastMonitorShadow;
        if (monitor != null && last != null && last.belongsTo(monitor)) {
            return last;
        }
        Shadow shadow = shadows.of(monitor, ShadowMemory.MONITOR);
        me.lastMonitorShadow = shadow;
        return shadow;
    }

    private Shadow element(ThreadClock me, Object array, int index) {
        ElementShadows elements = me.lastElements;
        if (elements == null || !elements.belongTo(array)) {
            elements = shadows.elementsOf(array);
            me.lastElements = elements;
        }
        return elements.at(index);
    }

    private Shadow shadow(ThreadClock me, Object owner, int slot) {
        Object key = owner == null ? ShadowMemory.STATICS : owner;
        int at = (System.identityHashCode(key) * 31 + slot) & (ThreadClock.CACHE - 1);
        Shadow cached = me.cachedShadows[at];
        if (cached != null && me.cachedSlots[at] == slot && cached.belongsTo(key)) {
            return cached;
        }
        Shadow shadow = shadows.of(owner, slot);
        me.cachedSlots[at] = slot;
        me.cachedShadows[at] = shadow;
        return shadow;
    }

    /** FastTrack's read and write rules. */
    private void access(ThreadClock me, Shadow x, int site, boolean write) {
        log.atAccess(me, site);
        long epoch = me.epoch();
        // FastTrack's common cases, before the lock: this thread already accessed x in this epoch. A stale
        // read of the shadow only sends us down the slow path.
        if (write) {
            if (x.write == epoch) {
                return;
            }
        } else if (x.read == epoch) {
            return;
        } else {
            VectorClock shared = x.sharedReads;
            if (shared != null && shared.get(me.tid) == Epochs.clock(epoch)) {
                return;
            }
        }
        long conflict;
        x.lock();
        try {
            conflict = write ? write(me, x, epoch, site) : read(me, x, epoch, site);
        } finally {
            x.unlock();
        }
        if (conflict != NO_CONFLICT) {
            int conflictTid = Conflicts.tid(conflict);
            if (conflictTid != me.tid) {
                log.report(conflictTid, Conflicts.site(conflict), Conflicts.write(conflict), me, site, write);
            }
        }
    }

    /** The write rule, under x's lock: returns the earlier access it races with, or NO_CONFLICT. */
    private static long write(ThreadClock me, Shadow x, long epoch, int site) {
        if (x.write == epoch) {
            return NO_CONFLICT;
        }
        long conflict = NO_CONFLICT;
        if (!Epochs.leq(x.write, me.clock)) {
            conflict = Conflicts.of(Epochs.tid(x.write), x.writeSite, true);
        } else if (x.sharedReads == null) {
            if (!Epochs.leq(x.read, me.clock)) {
                conflict = Conflicts.of(Epochs.tid(x.read), x.readSite, false);
            }
        } else {
            int ahead = x.sharedReads.firstAhead(me.clock);
            if (ahead >= 0) {
                conflict = Conflicts.of(ahead, x.sharedReadSite(ahead), false);
            }
        }
        if (x.sharedReads != null) {
            x.sharedReads = null;
            x.sharedReadSites = null;
            x.read = Epochs.NONE;
        }
        x.write = epoch;
        x.writeSite = site;
        return conflict;
    }

    /** The read rule, under x's lock: returns the earlier write it races with, or NO_CONFLICT. */
    private static long read(ThreadClock me, Shadow x, long epoch, int site) {
        if (x.read == epoch || (x.sharedReads != null && x.sharedReads.get(me.tid) == me.clock.get(me.tid))) {
            return NO_CONFLICT;
        }
        long conflict = NO_CONFLICT;
        if (!Epochs.leq(x.write, me.clock)) {
            conflict = Conflicts.of(Epochs.tid(x.write), x.writeSite, true);
        }
        if (x.sharedReads != null) {
            x.sharedReads.set(me.tid, me.clock.get(me.tid));
            x.sharedReadSite(me.tid, site);
        } else if (Epochs.leq(x.read, me.clock)) {
            x.read = epoch;
            x.readSite = site;
        } else {
            VectorClock shared = new VectorClock();
            shared.set(Epochs.tid(x.read), Epochs.clock(x.read));
            x.sharedReadSite(Epochs.tid(x.read), x.readSite);
            shared.set(me.tid, me.clock.get(me.tid));
            x.sharedReadSite(me.tid, site);
            x.sharedReads = shared;
        }
        return conflict;
    }

    /** The name of the thread numbered tid, as it was when the detector first met it. */
    String threadName(int tid) {
        return threadNames.getOrDefault(tid, "thread #" + tid);
    }

    private static void acquire(ThreadClock me, Shadow sync) {
        sync.lock();
        try {
            if (sync.released != null) {
                me.clock.join(sync.released);
            }
        } finally {
            sync.unlock();
        }
    }

    private static void release(ThreadClock me, Shadow sync) {
        sync.lock();
        try {
            if (sync.released == null) {
                sync.released = new VectorClock(me.clock);
            } else {
                sync.released.join(me.clock);
            }
        } finally {
            sync.unlock();
        }
        me.tick();
    }

    private void releaseToConcurrentPackage(ThreadClock me) {
        synchronized (concurrentPackage) {
            concurrentPackage.join(me.clock);
        }
        me.tick();
    }

    private void acquireConcurrentPackage(ThreadClock me) {
        synchronized (concurrentPackage) {
            me.clock.join(concurrentPackage);
        }
    }

    /**
     * The slot of a field site, or -1 for an unknown site. Distinct fields get distinct non-negative
     * numbers (the negative slots are for synchronisation); volatile fields get odd ones, plain fields
     * even ones, so the hot path can tell them apart without looking the site up again.
     */
    private int fieldNumber(ThreadClock me, int site) {
        if (site < me.fieldBySite.length && me.fieldBySite[site] != -1) {
            return me.fieldBySite[site];
        }
        Site described = Sites.get(site);
        int number = -1;
        if (described != null) {
            String member = described.member == null ? "?" : described.member;
            number = fieldNumbers.computeIfAbsent(member, m -> 2 * nextFieldNumber.getAndIncrement())
                    + (described.isVolatile ? 1 : 0);
        }
        if (site >= me.fieldBySite.length) {
            int[] grown = Arrays.copyOf(me.fieldBySite, Math.max(site + 1, me.fieldBySite.length * 2));
            Arrays.fill(grown, me.fieldBySite.length, grown.length, -1);
            me.fieldBySite = grown;
        }
        me.fieldBySite[site] = number;
        return number;
    }

    @Override
    public String toString() {
        return "RaceDetector" + Arrays.asList(races().size(), shadowCount());
    }
}
