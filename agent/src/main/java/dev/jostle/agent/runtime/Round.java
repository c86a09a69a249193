package dev.jostle.agent.runtime;

import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.noise.NoisePlan;
import dev.jostle.agent.race.Race;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of a {@link Session}: open from construction until {@link #end()}. The thread that runs the
 * round's code calls {@link #bind()} first; threads it creates afterwards belong to the round too.
 */
public final class Round {

    private final Session session;
    private final int index;
    private final long seed;
    private final Strategy strategy;
    private final NoisePlan plan;
    private final boolean recording;
    private final RoundProbe probe;
    private final boolean armed;
    /** Whether {@link #abandon()} armed the hooks, which a quiet round leaves disarmed, until {@link #end()}. */
    private boolean armedToHold;
    private RoundReport report;

    Round(Session session, int index, long seed, Strategy strategy, NoisePlan plan, boolean recording,
            Thread root) {
        this.session = session;
        this.index = index;
        this.seed = seed;
        this.strategy = strategy;
        this.plan = plan;
        this.recording = recording;
        this.probe = new RoundProbe(seed, plan, recording, root,
                session.detectsRaces() ? new dev.jostle.agent.race.RaceDetector() : null, strategy.scheduler(seed));
        // A quiet round (strategy none, nothing recorded, no race detection) leaves the hooks disarmed:
        // instrumented code then costs what it costs with no round open, the baseline none stands for.
        this.armed = probe.needsEvents();
        if (armed) {
            Probes.roundOpened();
        }
    }

    public int index() {
        return index;
    }

    /** The session that opened this round: a hunt's forks open the same round in a session of their own. */
    public Session session() {
        return session;
    }

    public long seed() {
        return seed;
    }

    /** The concrete strategy of this round (a {@code mixed} session resolves it per round). */
    public Strategy strategy() {
        return strategy;
    }

    public String plan() {
        return plan.describe();
    }

    /** A restorable binding of the current thread to this round. */
    public interface Binding extends AutoCloseable {
        @Override
        void close();
    }

    /** Binds the current thread (and the threads it will create) to this round. */
    public Binding bind() {
        Probe previous = Probes.bind(probe);
        return () -> Probes.restore(previous);
    }

    /**
     * For a round that failed and whose threads ignored the interrupt: from now on each of its threads stops
     * for good at its next instrumented event (a shared field or array access, a lock, a wait, park, sleep or
     * thread start), whenever the hooks are armed: until {@link #end()} at least, and while any other round is
     * open. Their events no longer count in this round.
     */
    public synchronized void abandon() {
        probe.abandon();
        if (!armed && !armedToHold && report == null) {
            armedToHold = true;
            Probes.roundOpened();
        }
    }

    /**
     * The round ran out of time, or ran half of it under control: a controlled round's schedule stops here and
     * its threads run on free (before they are interrupted, at the timeout), so that a replay cut too compares
     * the decisions both took before the clock struck.
     */
    public synchronized void cutSchedule() {
        probe.cutSchedule();
    }

    /**
     * The round failed, in the thread calling this (which holds the baton, so at the same step in every run of
     * the seed): a controlled round's schedule ends here. Until the runner notices and ends the round, the other
     * threads run on; decisions taken meanwhile would depend on how soon it notices.
     */
    public void endControl() {
        probe.endControl();
    }

    /** The threads {@link #abandon()} has stopped so far. */
    public java.util.Set<Thread> held() {
        return probe.held();
    }

    /**
     * The races found so far while the round is still open (all of them once it has ended): a test can fail
     * on them before its round ends.
     */
    public synchronized List<Race> racesSoFar() {
        return report != null ? report.races() : probe.races();
    }

    /** Ends the round (idempotent): threads still running are ignored from now on. */
    public synchronized RoundReport end() {
        if (report != null) {
            return report;
        }
        probe.close();
        if (armed) {
            Probes.roundClosed();
        }
        if (armedToHold) {
            Probes.roundClosed();
        }
        report = summarize();
        session.learn(report);
        return report;
    }

    private RoundReport summarize() {
        long noise = 0;
        Map<String, int[]> lastNoise = new LinkedHashMap<>();
        Map<Integer, long[]> usage = new HashMap<>(); // site -> {hits, threads}
        for (ThreadState thread : probe.threads()) {
            noise += thread.noiseEvents();
            int[] sites = thread.lastNoiseSites();
            if (sites.length > 0) {
                lastNoise.put(uniqueName(lastNoise, thread.name()), sites);
            }
            int[] hits = thread.hits();
            for (int site = 0; site < hits.length; site++) {
                if (hits[site] > 0) {
                    long[] u = usage.computeIfAbsent(site, s -> new long[2]);
                    u[0] += hits[site];
                    u[1]++;
                }
            }
        }
        List<SiteUsage> sites = new ArrayList<>(usage.size());
        usage.forEach((site, u) -> sites.add(new SiteUsage(site, u[0], (int) u[1])));
        sites.sort((a, b) -> Integer.compare(a.site(), b.site()));
        return new RoundReport(index, seed, strategy, plan.describe(), noise, lastNoise, sites,
                recording ? contended() : new BitSet(), probe.races(), probe.schedule());
    }

    /**
     * Sites whose member (field, or array element type) two or more threads touched, at least one by
     * writing: where the interleavings that matter happen.
     */
    private BitSet contended() {
        Map<String, BitSet> threadsByMember = new HashMap<>();
        Map<String, Boolean> writtenByMember = new HashMap<>();
        Map<String, BitSet> sitesByMember = new HashMap<>();
        int threadNo = 0;
        for (ThreadState thread : probe.threads()) {
            int[] hits = thread.hits();
            for (int id = 0; id < hits.length; id++) {
                Site site = hits[id] > 0 ? Sites.get(id) : null;
                if (site == null || site.member == null || !isMemoryAccess(site.kind)) {
                    continue;
                }
                threadsByMember.computeIfAbsent(site.member, m -> new BitSet()).set(threadNo);
                sitesByMember.computeIfAbsent(site.member, m -> new BitSet()).set(id);
                if (site.isWrite()) {
                    writtenByMember.put(site.member, Boolean.TRUE);
                }
            }
            threadNo++;
        }
        BitSet result = new BitSet();
        threadsByMember.forEach((member, threads) -> {
            if (threads.cardinality() > 1 && writtenByMember.containsKey(member)) {
                result.or(sitesByMember.get(member));
            }
        });
        return result;
    }

    private static boolean isMemoryAccess(int kind) {
        return kind >= dev.jostle.agent.bootstrap.Event.FIELD_READ
                && kind <= dev.jostle.agent.bootstrap.Event.ARRAY_WRITE;
    }

    private static String uniqueName(Map<String, ?> taken, String name) {
        String candidate = name;
        for (int i = 2; taken.containsKey(candidate); i++) {
            candidate = name + " (" + i + ")";
        }
        return candidate;
    }
}
