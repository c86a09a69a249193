package dev.jostle.hunt;

import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.race.Race;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.agent.schedule.Schedule;
import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundOutcome;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a hunt and its forks say to each other over their socket, in binary frames: the project has no JSON
 * reader, and a stack trace, a deadlock's details or a round's output may be longer than {@code writeUTF}
 * takes. A round's failure crosses as text (its class may exist only in the fork's class loader); sites cross
 * as what they name, and the parent registers them anew, since each JVM numbers its sites in its own order.
 */
final class ForkWire {

    static final int STOP = 0;
    static final int ROUND = 1;

    private static final int OUTCOME = 0;
    private static final int CANNOT_RUN = 1;

    /**
     * One round to run: round {@code index} of the session of that strategy, base seed and recording, as the
     * parent opened it (-1: that session's observation round), under the parent's limit; {@code budget} is the
     * most the fork may take to answer (null: no deadline), so its rounds fit the hunt's time too.
     */
    record Request(Strategy strategy, long baseSeed, int index, boolean recordSites, boolean races,
            Duration limit, boolean cut, Duration budget) {

        boolean observation() {
            return index < 0;
        }
    }

    /**
     * How a forked round ended.
     *
     * @param output the round's console output when it failed, else null
     * @param exited whether the program asked to exit, which leaves the fork's JVM in a state no round expects
     */
    record Reply(RoundOutcome outcome, String output, boolean exited) {
    }

    /** Sites of the forks, by what they name, as registered in this JVM: each fork numbers its own. */
    private static final Map<String, Integer> SITES = new ConcurrentHashMap<>();

    private ForkWire() {
    }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeInt(ROUND);
        out.writeUTF(request.strategy().id());
        out.writeLong(request.baseSeed());
        out.writeInt(request.index());
        out.writeBoolean(request.recordSites());
        out.writeBoolean(request.races());
        out.writeLong(request.limit().toNanos());
        out.writeBoolean(request.cut());
        out.writeLong(request.budget() == null ? -1 : request.budget().toNanos());
        out.flush();
    }

    static void writeStop(DataOutputStream out) throws IOException {
        out.writeInt(STOP);
        out.flush();
    }

    /** The next request, or null for the parent's stop (or its socket closing). */
    static Request readRequest(DataInputStream in) throws IOException {
        int kind;
        try {
            kind = in.readInt();
        } catch (java.io.EOFException parentGone) {
            return null;
        }
        if (kind == STOP) {
            return null;
        }
        Strategy strategy = Strategy.fromId(in.readUTF());
        long baseSeed = in.readLong();
        int index = in.readInt();
        boolean recordSites = in.readBoolean();
        boolean races = in.readBoolean();
        Duration limit = Duration.ofNanos(in.readLong());
        boolean cut = in.readBoolean();
        long budget = in.readLong();
        return new Request(strategy, baseSeed, index, recordSites, races, limit, cut,
                budget < 0 ? null : Duration.ofNanos(budget));
    }

    /**
     * The fork's harness could not run the round (as in-process, a harness failure is no finding): the parent
     * treats it as it treats such a failure in its own JVM.
     */
    static final class CannotRun extends IOException {
        private static final long serialVersionUID = 1L;

        CannotRun(String why) {
            super(why);
        }
    }

    static void writeCannotRun(DataOutputStream out, Throwable why) throws IOException {
        out.writeInt(CANNOT_RUN);
        writeString(out, why.toString());
        out.flush();
    }

    static void writeReply(DataOutputStream out, Reply reply) throws IOException {
        out.writeInt(OUTCOME);
        RoundOutcome outcome = reply.outcome();
        writeString(out, outcome.kind() == null ? null : outcome.kind().name());
        Throwable failure = outcome.failure();
        writeString(out, failure == null ? null : failure.toString());
        writeString(out, failure == null ? null : HuntReport.stack(failure));
        writeString(out, failure instanceof FailingOutput ? ((FailingOutput) failure).line() : null);
        writeString(out, outcome.thread());
        writeString(out, outcome.details());
        out.writeLong(outcome.elapsed().toNanos());
        out.writeBoolean(outcome.unfinished());
        writeReport(out, outcome.report());
        writeString(out, reply.output());
        out.writeBoolean(reply.exited());
        out.flush();
    }

    /** The fork's answer; {@link CannotRun} when its harness could not run the round. */
    static Reply readReply(DataInputStream in) throws IOException {
        if (in.readInt() == CANNOT_RUN) {
            throw new CannotRun(readString(in));
        }
        String kind = readString(in);
        String failureText = readString(in);
        String stack = readString(in);
        String matchedLine = readString(in);
        Throwable failure = null;
        if (matchedLine != null) {
            failure = new FailingOutput(failureText, matchedLine);
        } else if (failureText != null) {
            failure = new ForkedFailure(failureText, stack);
        }
        String thread = readString(in);
        String details = readString(in);
        Duration elapsed = Duration.ofNanos(in.readLong());
        boolean unfinished = in.readBoolean();
        RoundReport report = readReport(in);
        RoundOutcome outcome = new RoundOutcome(kind == null ? null : FailureKind.valueOf(kind), failure, thread,
                details, report, elapsed, unfinished);
        return new Reply(outcome, readString(in), in.readBoolean());
    }

    private static void writeReport(DataOutputStream out, RoundReport report) throws IOException {
        out.writeInt(report.index());
        out.writeLong(report.seed());
        out.writeUTF(report.strategy().id());
        writeString(out, report.plan());
        out.writeLong(report.noiseEvents());
        out.writeInt(report.lastNoise().size());
        for (Map.Entry<String, int[]> thread : report.lastNoise().entrySet()) {
            writeString(out, thread.getKey());
            out.writeInt(thread.getValue().length);
            for (int id : thread.getValue()) {
                writeSite(out, Sites.get(id));
            }
        }
        out.writeInt(report.races().size());
        for (Race race : report.races()) {
            writeString(out, race.variable());
            writeAccess(out, race.earlier());
            writeAccess(out, race.later());
        }
        writeSchedule(out, report.schedule());
    }

    /**
     * A controlled round's decisions cross in full, so that the parent can check a replay against them, with
     * what each step performed: the sites once each, then per step the thread, the site's place among them
     * (0: none) and the event.
     */
    private static void writeSchedule(DataOutputStream out, Schedule schedule) throws IOException {
        out.writeBoolean(schedule != null);
        if (schedule == null) {
            return;
        }
        writeString(out, schedule.policy());
        out.writeLong(schedule.length());
        out.writeLong(schedule.hash());
        Map<Integer, Integer> places = new LinkedHashMap<>();
        for (int step = 0; step < schedule.kept(); step++) {
            if (schedule.site(step) != 0) {
                places.putIfAbsent(schedule.site(step), places.size() + 1);
            }
        }
        out.writeInt(places.size());
        for (int id : places.keySet()) {
            writeSite(out, Sites.get(id));
        }
        out.writeInt(schedule.kept());
        for (int step = 0; step < schedule.kept(); step++) {
            out.writeInt(schedule.thread(step));
            out.writeInt(schedule.site(step) == 0 ? 0 : places.get(schedule.site(step)));
            out.writeByte(schedule.event(step));
        }
        out.writeInt(schedule.threads().size());
        for (String thread : schedule.threads()) {
            writeString(out, thread);
        }
        writeString(out, schedule.lostControl());
        out.writeBoolean(schedule.cut());
    }

    private static Schedule readSchedule(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String policy = readString(in);
        long length = in.readLong();
        long hash = in.readLong();
        int[] ids = new int[in.readInt() + 1];
        for (int place = 1; place < ids.length; place++) {
            Site site = readSite(in);
            ids[place] = site == null ? 0 : site.id;
        }
        int kept = in.readInt();
        int[] steps = new int[kept];
        int[] sites = new int[kept];
        byte[] events = new byte[kept];
        for (int step = 0; step < kept; step++) {
            steps[step] = in.readInt();
            sites[step] = ids[in.readInt()];
            events[step] = in.readByte();
        }
        List<String> threads = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            threads.add(readString(in));
        }
        String lostControl = readString(in);
        return Schedule.restored(policy, steps, sites, events, length, hash, threads, lostControl, in.readBoolean());
    }

    /**
     * The report as the parent keeps it: per-site usage and contention stay in the fork, which aims its own
     * noise; the last noise and the races, which the report shows, come across.
     */
    private static RoundReport readReport(DataInputStream in) throws IOException {
        int index = in.readInt();
        long seed = in.readLong();
        Strategy strategy = Strategy.fromId(in.readUTF());
        String plan = readString(in);
        long noiseEvents = in.readLong();
        Map<String, int[]> lastNoise = new LinkedHashMap<>();
        for (int threads = in.readInt(); threads > 0; threads--) {
            String thread = readString(in);
            int[] ids = new int[in.readInt()];
            for (int i = 0; i < ids.length; i++) {
                Site site = readSite(in);
                ids[i] = site == null ? 0 : site.id;
            }
            lastNoise.put(thread, ids);
        }
        List<Race> races = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            races.add(new Race(readString(in), readAccess(in), readAccess(in)));
        }
        return new RoundReport(index, seed, strategy, plan, noiseEvents, lastNoise, List.of(), new BitSet(), races,
                readSchedule(in));
    }

    private static void writeAccess(DataOutputStream out, Race.Access access) throws IOException {
        writeString(out, access.thread());
        out.writeBoolean(access.write());
        writeSite(out, access.site());
        out.writeInt(access.stack().size());
        for (StackTraceElement frame : access.stack()) {
            writeString(out, frame.getClassName());
            writeString(out, frame.getMethodName());
            writeString(out, frame.getFileName());
            out.writeInt(frame.getLineNumber());
        }
    }

    private static Race.Access readAccess(DataInputStream in) throws IOException {
        String thread = readString(in);
        boolean write = in.readBoolean();
        Site site = readSite(in);
        List<StackTraceElement> stack = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            stack.add(new StackTraceElement(readString(in), readString(in), readString(in), in.readInt()));
        }
        return new Race.Access(thread, write, site, stack);
    }

    private static void writeSite(DataOutputStream out, Site site) throws IOException {
        out.writeBoolean(site != null);
        if (site == null) {
            return;
        }
        out.writeInt(site.kind);
        writeString(out, site.className);
        writeString(out, site.methodName);
        writeString(out, site.sourceFile);
        out.writeInt(site.line);
        writeString(out, site.member);
        out.writeBoolean(site.isVolatile);
    }

    private static Site readSite(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        int kind = in.readInt();
        String className = readString(in);
        String methodName = readString(in);
        String sourceFile = readString(in);
        int line = in.readInt();
        String member = readString(in);
        boolean isVolatile = in.readBoolean();
        String key = kind + "|" + className + "|" + methodName + "|" + sourceFile + "|" + line + "|" + member + "|"
                + isVolatile;
        // One id per site whichever fork saw it: races are told apart by their sites' ids.
        int id = SITES.computeIfAbsent(key,
                k -> Sites.register(kind, className, methodName, sourceFile, line, member, isVolatile));
        return Sites.get(id);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
