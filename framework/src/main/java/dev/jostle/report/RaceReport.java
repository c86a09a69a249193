package dev.jostle.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.race.Race;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A data race in a report: the variable and its two accesses, the earlier first.
 *
 * @param field    what both accessed, e.g. {@code org.acme.Box.count} or {@code int[]}
 * @param accesses the earlier access, then the later one
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RaceReport(String field, List<Access> accesses) {

    /** The earlier access's stack was taken at its thread's next access to the same site. */
    public static final String NEXT_ACCESS_HERE = "next-access-here";
    /** The stack is the access's own. */
    public static final String THIS_ACCESS = "this-access";

    public RaceReport {
        accesses = accesses == null ? List.of() : List.copyOf(accesses);
    }

    /**
     * One side of a race.
     *
     * @param thread    the thread's name
     * @param kind      {@code read} or {@code write}
     * @param site      {@code Class.method(File.java:line)}, or {@code null} when not known
     * @param stack     frames, innermost first, each written like the site; may be empty
     * @param stackFrom {@value #THIS_ACCESS}, or {@value #NEXT_ACCESS_HERE} for an earlier access, whose own
     *                  stack is gone when the race is found
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public record Access(String thread, String kind, String site, List<String> stack, String stackFrom) {

        public Access {
            stack = stack == null ? List.of() : List.copyOf(stack);
        }
    }

    /** The detector's race, written out. */
    public static RaceReport of(Race race) {
        return new RaceReport(race.variable(),
                List.of(access(race.earlier(), NEXT_ACCESS_HERE), access(race.later(), THIS_ACCESS)));
    }

    private static Access access(Race.Access access, String stackFrom) {
        Site site = access.site();
        List<String> stack = new ArrayList<>(access.stack().size());
        for (StackTraceElement frame : access.stack()) {
            stack.add(frame(frame));
        }
        return new Access(access.thread(), access.write() ? "write" : "read", site == null ? null : site.location(),
                stack, stack.isEmpty() ? null : stackFrom);
    }

    /** {@code Class.method(File.java:line)}, as a site is written: no module or class loader prefix. */
    static String frame(StackTraceElement frame) {
        String where;
        if (frame.isNativeMethod()) {
            where = "Native Method";
        } else if (frame.getFileName() == null) {
            where = "Unknown Source";
        } else {
            where = frame.getFileName() + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "");
        }
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
