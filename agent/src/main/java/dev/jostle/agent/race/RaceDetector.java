package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.ProbeBinding;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
public final class RaceDetector implements Probe {

    private static final int MAX_RACES = 64;
    private static final int STACK_FRAMES = 6;
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
    private final Set<Long> reportedSitePairs = ConcurrentHashMap.newKeySet();
    private final List<Race> races = Collections.synchronizedList(new ArrayList<>());
    /** For each race in {@link #races}, in order: the earlier access's thread and site ({@link #key}). */
    private final List<Long> earlierAccesses = new ArrayList<>();
    /**
     * The earlier accesses of reported races whose stack is not seen yet, as {@link #key}s; null while there
     * are none, so that a round without races pays one read of a null field per access. Copied on write:
     * it holds a few entries, each dropped when its stack is taken.
     */
    private volatile long[] stacksWanted;
    /** The stacks taken for earlier accesses, by {@link #key}. */
    private final Map<Long, List<StackTraceElement>> earlierStacks = new ConcurrentHashMap<>();
    private volatile boolean closed;
    /** MAX_RACES reached: stop looking races up at all. */
    private volatile boolean racesFull;

    /**
     * A thread's clock and caches; touched only by that thread while it runs. A caller that keeps its own
     * per-thread state holds on to it (see {@link #threadClock()}), saving a thread-local lookup per event.
     */
    public static final class ThreadClock {
        private static final int CACHE = 256;

        final int tid;
        final String name;
        final VectorClock clock;
        final boolean conservative;
        /**
         * The shadows this thread touched last, direct-mapped by (object, slot): most accesses hit, and
         * skip the shared map and its key allocation. A hit is checked through the shadow's weak reference to
         * its object, so the cache never keeps an object alive that the program dropped.
         */
        final int[] cachedSlots = new int[CACHE];
        final Shadow[] cachedShadows = new Shadow[CACHE];
        /** The shadow of the monitor this thread entered or left last. */
        Shadow lastMonitorShadow;
        /** The element shadows of the array this thread touched last: loops over one array hit this. */
        ElementShadows lastElements;
        /** Field number per site, -1 until looked up. */
        int[] fieldBySite = new int[0];
        /** Site pairs this thread knows are reported, so that a race hit again costs no shared lookup. */
        private final KnownPairs reported = new KnownPairs();

        ThreadClock(int tid, String name, VectorClock clock, boolean conservative) {
            this.tid = tid;
            this.name = name;
            this.clock = clock;
            this.conservative = conservative;
            this.epoch = Epochs.of(tid, clock.get(tid));
        }

        /** This thread's current epoch; only tick() changes this thread's own component. */
        private long epoch;

        long epoch() {
            return epoch;
        }

        void tick() {
            clock.increment(tid);
            epoch = Epochs.of(tid, clock.get(tid));
        }
    }

    @Override
    public void on(int event, Object target, int index, int site) {
        if (closed) {
            return;
        }
        on(threadClock(), event, target, index, site);
    }

    /**
     * {@link #on(int, Object, int, int)} for a caller that kept the current thread's {@link #threadClock()}.
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
     * A read for update (see {@link Probe#onReadForUpdate}): unchecked, since the write that follows checks
     * everything this read's check would. Except in a conservative thread, whose clock grows at every event:
     * there the write's larger clock could hide a race of the read's, so the read is checked as usual.
     */
    public void readForUpdate(ThreadClock me, int event, Object target, int index, int site) {
        if (me != null && me.conservative) {
            onAccess(me, event, target, index, site);
        }
    }

    @Override
    public void onReadForUpdate(ProbeBinding binding, int event, Object target, int index, int site) {
        if (!closed) {
            readForUpdate(threadClock(), event, target, index, site);
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
        synchronized (races) {
            List<Race> found = new ArrayList<>(races.size());
            for (int i = 0; i < races.size(); i++) {
                Race race = races.get(i);
                List<StackTraceElement> stack = earlierStacks.get(earlierAccesses.get(i));
                found.add(stack == null ? race : race.withEarlierStack(stack));
            }
            return List.copyOf(found);
        }
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
        long[] wanted = stacksWanted;
        if (wanted != null) {
            takeStackIfWanted(me, site, wanted);
        }
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
                report(conflictTid, Conflicts.site(conflict), Conflicts.write(conflict), me, site, write);
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

    /**
     * Records a race unless its site pair is reported already. A racy variable is hit again and again, so
     * the repeat must be nearly free: a thread-confined set answers it, the shared set only the first time.
     */
    private void report(int otherTid, int otherSite, boolean otherWrite, ThreadClock me, int site, boolean write) {
        if (racesFull) {
            return;
        }
        long pair = otherSite < site ? ((long) otherSite << 32) | site : ((long) site << 32) | otherSite;
        if (!me.reported.add(pair) || !reportedSitePairs.add(pair)) {
            return;
        }
        String otherName = threadName(otherTid);
        Race race = new Race(memberOf(site),
                new Race.Access(otherName, otherWrite, Sites.get(otherSite), List.of()),
                new Race.Access(me.name, write, Sites.get(site), shortStack()));
        long earlier = key(otherTid, otherSite);
        synchronized (races) {
            races.add(race);
            earlierAccesses.add(earlier);
            if (races.size() >= MAX_RACES) {
                racesFull = true;
            }
        }
        wantStack(earlier);
    }

    /** The name of the thread numbered tid, as it was when the detector first met it. */
    String threadName(int tid) {
        return threadNames.getOrDefault(tid, "thread #" + tid);
    }

    /** A thread and a site as one long: the thread in the high half. */
    private static long key(int tid, int site) {
        return ((long) tid << 32) | (site & 0xFFFF_FFFFL);
    }

    /**
     * The earlier access of a race is seen only as the site its shadow kept: its stack is gone by the time
     * the later access finds the race. So the stack is taken at that thread's next access at the same site,
     * the same call path in the loops where races live; one that never comes back leaves the site alone.
     */
    private synchronized void wantStack(long earlier) {
        if (earlierStacks.containsKey(earlier)) {
            return;
        }
        long[] wanted = stacksWanted;
        if (wanted == null) {
            stacksWanted = new long[] {earlier};
            return;
        }
        for (long key : wanted) {
            if (key == earlier) {
                return;
            }
        }
        long[] more = Arrays.copyOf(wanted, wanted.length + 1);
        more[wanted.length] = earlier;
        stacksWanted = more;
    }

    private void takeStackIfWanted(ThreadClock me, int site, long[] wanted) {
        long key = key(me.tid, site);
        for (long candidate : wanted) {
            if (candidate == key) {
                takeStack(key);
                return;
            }
        }
    }

    private synchronized void takeStack(long key) {
        long[] wanted = stacksWanted;
        if (wanted == null || earlierStacks.containsKey(key)) {
            return;
        }
        earlierStacks.put(key, shortStack());
        long[] fewer = new long[wanted.length - 1];
        int at = 0;
        for (long candidate : wanted) {
            if (candidate != key && at < fewer.length) {
                fewer[at++] = candidate;
            }
        }
        stacksWanted = fewer.length == 0 ? null : fewer;
    }

    private static List<StackTraceElement> shortStack() {
        StackTraceElement[] frames = new Throwable().getStackTrace();
        List<StackTraceElement> kept = new ArrayList<>(STACK_FRAMES);
        for (StackTraceElement frame : frames) {
            if (!frame.getClassName().startsWith("dev.jostle.agent.")) {
                kept.add(frame);
                if (kept.size() == STACK_FRAMES) {
                    break;
                }
            }
        }
        return kept;
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

    /** What a site touches, for a report: the field, or the array's element type. */
    private static String memberOf(int site) {
        Site described = Sites.get(site);
        if (described == null || described.member == null) {
            return "array element";
        }
        return described.kind == Event.ARRAY_READ || described.kind == Event.ARRAY_WRITE
                ? described.member + " element" : described.member;
    }

    @Override
    public String toString() {
        return "RaceDetector" + Arrays.asList(races().size(), shadowCount());
    }
}
