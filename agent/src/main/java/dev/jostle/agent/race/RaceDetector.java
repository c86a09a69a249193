package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import java.lang.reflect.Array;
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

    private final ThreadLocal<ThreadClock> threads = new ThreadLocal<>();
    private final Map<Thread, ThreadClock> byThread = new ConcurrentHashMap<>();
    private final Map<Thread, VectorClock> forks = new ConcurrentHashMap<>();
    private final AtomicInteger nextTid = new AtomicInteger();
    private final List<String> threadNames = Collections.synchronizedList(new ArrayList<>());
    private final ShadowMemory shadows = new ShadowMemory();
    private final Map<String, Integer> fieldNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger nextFieldNumber = new AtomicInteger();
    /** Everything released through java.util.concurrent calls, whose receivers the hooks do not see. */
    private final VectorClock concurrentPackage = new VectorClock();
    private final Set<Long> reportedSitePairs = ConcurrentHashMap.newKeySet();
    private final List<Race> races = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closed;

    /** A thread's clock; touched only by that thread while it runs. */
    private static final class ThreadClock {
        final int tid;
        final String name;
        final VectorClock clock;
        final boolean conservative;

        ThreadClock(int tid, String name, VectorClock clock, boolean conservative) {
            this.tid = tid;
            this.name = name;
            this.clock = clock;
            this.conservative = conservative;
        }

        long epoch() {
            return Epochs.of(tid, clock.get(tid));
        }

        void tick() {
            clock.increment(tid);
        }
    }

    @Override
    public void on(int event, Object target, int index, int site) {
        if (closed) {
            return;
        }
        ThreadClock me = current();
        if (me == null) {
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

    private void handle(ThreadClock me, int event, Object target, int index, int site) {
        switch (event) {
            case Event.FIELD_READ:
                fieldAccess(me, target, site, false);
                break;
            case Event.FIELD_WRITE:
                fieldAccess(me, target, site, true);
                break;
            case Event.AFTER_VOLATILE_READ:
                acquire(me, shadows.of(target, fieldNumber(site)));
                break;
            case Event.ARRAY_READ:
            case Event.ARRAY_WRITE:
                if (target != null && index >= 0 && index < Array.getLength(target)) {
                    access(me, shadows.of(target, index), site, event == Event.ARRAY_WRITE, memberOf(site));
                }
                break;
            case Event.AFTER_MONITOR_ENTER:
            case Event.AFTER_WAIT:
                if (target != null) { // null: the enter was not seen (a round opened in between)
                    acquire(me, shadows.of(target, ShadowMemory.MONITOR));
                }
                break;
            case Event.MONITOR_EXIT:
            case Event.WAIT:
                release(me, shadows.of(target, ShadowMemory.MONITOR));
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
            return List.copyOf(races);
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

    private ThreadClock current() {
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
        threadNames.add(thread.getName());
        return me;
    }

    private void fieldAccess(ThreadClock me, Object owner, int site, boolean write) {
        Site described = Sites.get(site);
        if (described == null) {
            return;
        }
        Shadow shadow = shadows.of(owner, fieldNumber(described));
        if (described.isVolatile) {
            if (write) {
                release(me, shadow); // a volatile write publishes; volatile accesses never race
            }
            return;
        }
        access(me, shadow, site, write, described.member);
    }

    /** FastTrack's read and write rules. */
    private void access(ThreadClock me, Shadow x, int site, boolean write, String variable) {
        long epoch = me.epoch();
        int conflictTid = -1;
        int conflictSite = 0;
        boolean conflictWrite = false;
        synchronized (x) {
            if (write) {
                if (x.write == epoch) {
                    return;
                }
                if (!Epochs.leq(x.write, me.clock)) {
                    conflictTid = Epochs.tid(x.write);
                    conflictSite = x.writeSite;
                    conflictWrite = true;
                } else if (x.sharedReads == null) {
                    if (!Epochs.leq(x.read, me.clock)) {
                        conflictTid = Epochs.tid(x.read);
                        conflictSite = x.readSite;
                    }
                } else {
                    int ahead = x.sharedReads.firstAhead(me.clock);
                    if (ahead >= 0) {
                        conflictTid = ahead;
                        conflictSite = x.sharedReadSite(ahead);
                    }
                }
                if (x.sharedReads != null) {
                    x.sharedReads = null;
                    x.sharedReadSites = null;
                    x.read = Epochs.NONE;
                }
                x.write = epoch;
                x.writeSite = site;
            } else {
                if (x.read == epoch || (x.sharedReads != null && x.sharedReads.get(me.tid) == me.clock.get(me.tid))) {
                    return;
                }
                if (!Epochs.leq(x.write, me.clock)) {
                    conflictTid = Epochs.tid(x.write);
                    conflictSite = x.writeSite;
                    conflictWrite = true;
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
            }
        }
        if (conflictTid >= 0 && conflictTid != me.tid) {
            report(variable, conflictTid, conflictSite, conflictWrite, me, site, write);
        }
    }

    private void report(String variable, int otherTid, int otherSite, boolean otherWrite, ThreadClock me, int site,
            boolean write) {
        long pair = otherSite < site ? ((long) otherSite << 32) | site : ((long) site << 32) | otherSite;
        if (races.size() >= MAX_RACES || !reportedSitePairs.add(pair)) {
            return;
        }
        String otherName = otherTid < threadNames.size() ? threadNames.get(otherTid) : "thread #" + otherTid;
        races.add(new Race(variable,
                new Race.Access(otherName, otherWrite, Sites.get(otherSite), List.of()),
                new Race.Access(me.name, write, Sites.get(site), shortStack())));
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
        synchronized (sync) {
            if (sync.released != null) {
                me.clock.join(sync.released);
            }
        }
    }

    private static void release(ThreadClock me, Shadow sync) {
        synchronized (sync) {
            if (sync.released == null) {
                sync.released = new VectorClock(me.clock);
            } else {
                sync.released.join(me.clock);
            }
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

    private int fieldNumber(int site) {
        Site described = Sites.get(site);
        return described == null ? 0 : fieldNumber(described);
    }

    /** Distinct fields get distinct non-negative numbers (the negative slots are for synchronisation). */
    private int fieldNumber(Site site) {
        String member = site.member == null ? "?" : site.member;
        return fieldNumbers.computeIfAbsent(member, m -> nextFieldNumber.getAndIncrement());
    }

    private static String memberOf(int site) {
        Site described = Sites.get(site);
        return described == null || described.member == null ? "array element" : described.member + " element";
    }

    @Override
    public String toString() {
        return "RaceDetector" + Arrays.asList(races().size(), shadowCount());
    }
}
