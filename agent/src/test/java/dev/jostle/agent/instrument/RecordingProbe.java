package dev.jostle.agent.instrument;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.ProbeBinding;
import dev.jostle.agent.bootstrap.Probes;
import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every event as one readable line, for exact assertions:
 * {@code field-read f @Fields.readPlain:22 dev.jostle.fixtures.Fields.plain}. Targets are printed by the
 * names the test gave them, so identity is checked too.
 */
public final class RecordingProbe implements Probe {

    /** Code run with the probe bound and one round open. */
    public interface Action {
        Object run() throws Exception;
    }

    private record Recorded(int event, Object target, int index, int site, boolean forUpdate) {
    }

    private final List<Recorded> recorded = new ArrayList<>();
    private final Map<Object, String> names = new IdentityHashMap<>();
    private final Thread owner = Thread.currentThread();
    private boolean markingReadsForUpdate;

    public RecordingProbe name(Object target, String name) {
        names.put(target, name);
        return this;
    }

    /** Records reads for update as {@code field-read for update ...}; otherwise they look like any read. */
    public RecordingProbe markingReadsForUpdate() {
        markingReadsForUpdate = true;
        return this;
    }

    @Override
    public void on(int event, Object target, int index, int site) {
        record(event, target, index, site, false);
    }

    @Override
    public void onReadForUpdate(ProbeBinding thread, int event, Object target, int index, int site) {
        record(event, target, index, site, markingReadsForUpdate);
    }

    private synchronized void record(int event, Object target, int index, int site, boolean forUpdate) {
        if (Thread.currentThread() != owner) {
            return; // threads the fixture starts have nothing to report; keep the record deterministic
        }
        recorded.add(new Recorded(event, target, index, site, forUpdate));
    }

    private String describe(int event, Object target, int index, int siteId, boolean forUpdate) {
        Site site = Sites.get(siteId);
        String where = site == null ? "site #" + siteId
                : "@" + simpleName(site.className) + "." + site.methodName + ":" + site.line
                        + (site.member == null ? "" : " " + site.member) + (site.isVolatile ? " volatile" : "");
        boolean array = event == Event.ARRAY_READ || event == Event.ARRAY_WRITE;
        return Event.name(event) + (forUpdate ? " for update" : "") + " " + nameOf(target)
                + (array ? "[" + index + "]" : "") + " " + where;
    }

    private String nameOf(Object target) {
        if (target == null) {
            return "null";
        }
        String name = names.get(target);
        return name != null ? name : target.getClass().getSimpleName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Runs the action with this probe bound and a round open, then returns what it returned. */
    public Object record(Action action) throws Exception {
        Probe previous = Probes.bind(this);
        Probes.roundOpened();
        try {
            return action.run();
        } finally {
            Probes.roundClosed();
            Probes.restore(previous);
        }
    }

    /** The events so far, described with the names targets have now (a thread may be named after it ran). */
    public synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Recorded r : recorded) {
            lines.add(describe(r.event, r.target, r.index, r.site, r.forUpdate));
        }
        return lines;
    }
}
