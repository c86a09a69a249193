package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Site;
import java.util.List;

/**
 * A data race: two accesses to the same variable, at least one a write, in different threads, with no
 * happens-before order between them.
 *
 * @param variable what both touched, e.g. {@code com.acme.Counter.count} or {@code int[]}
 * @param earlier  the access seen first (its stack is not kept: only its site)
 * @param later    the access that completed the race, with a short stack
 */
public record Race(String variable, Access earlier, Access later) {

    /**
     * One side of a race.
     *
     * @param stack a few frames for the access that completed the race; empty for the earlier one
     */
    public record Access(String thread, boolean write, Site site, List<StackTraceElement> stack) {

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(write ? "write" : "read").append(" in thread \"").append(thread).append("\" at ")
                    .append(site == null ? "(unknown site)" : site.location());
            for (StackTraceElement frame : stack) {
                text.append("\n      at ").append(frame);
            }
            return text.toString();
        }
    }

    /** A few lines naming the variable, both accesses and both threads. */
    public String describe() {
        return "data race on " + variable + "\n    " + earlier.describe() + "\n    " + later.describe();
    }
}
