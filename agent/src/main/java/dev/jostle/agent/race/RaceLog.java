package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * The races a {@link RaceDetector} found in one round, each site pair once and at most {@value #MAX_RACES},
 * with a short stack for each access: the later access's own, and the earlier one's taken when its thread
 * next comes back to the same site.
 */
final class RaceLog {

    private static final int MAX_RACES = 64;
    private static final int STACK_FRAMES = 6;

    /** The name of a thread by its number, as the detector first met it. */
    private final IntFunction<String> threadNames;
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
    /** MAX_RACES reached: stop looking races up at all. */
    private volatile boolean racesFull;

    RaceLog(IntFunction<String> threadNames) {
        this.threadNames = threadNames;
    }

    /** On every checked access, before its check: takes the stack an earlier access of a race waits for. */
    void atAccess(ThreadClock me, int site) {
        long[] wanted = stacksWanted;
        if (wanted != null) {
            takeStackIfWanted(me, site, wanted);
        }
    }

    /**
     * Records a race unless its site pair is reported already. A racy variable is hit again and again, so
     * the repeat must be nearly free: a thread-confined set answers it, the shared set only the first time.
     */
    void report(int otherTid, int otherSite, boolean otherWrite, ThreadClock me, int site, boolean write) {
        if (racesFull) {
            return;
        }
        long pair = otherSite < site ? ((long) otherSite << 32) | site : ((long) site << 32) | otherSite;
        if (!me.reported.add(pair) || !reportedSitePairs.add(pair)) {
            return;
        }
        String otherName = threadNames.apply(otherTid);
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

    /** The races found so far, each site pair once. */
    List<Race> races() {
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

    /** The first frames outside the agent: where the program made the access. */
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

    /** What a site touches, for a report: the field, or the array's element type. */
    private static String memberOf(int site) {
        Site described = Sites.get(site);
        if (described == null || described.member == null) {
            return "array element";
        }
        return described.kind == Event.ARRAY_READ || described.kind == Event.ARRAY_WRITE
                ? described.member + " element" : described.member;
    }
}
