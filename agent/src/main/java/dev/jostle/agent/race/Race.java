package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Site;
import java.util.List;

/**
 * A data race: two accesses to the same variable, at least one a write, in different threads, with no
 * happens-before order between them.
 *
 * @param variable what both touched, e.g. {@code com.acme.Counter.count} or {@code int[]}
 * @param earlier  the access seen first; its stack is gone when the race is found, so it carries the stack of
 *                 its thread's next access at the same site, if there was one (see {@code RaceLog})
 * @param later    the access that completed the race, with a short stack
 */
public record Race(String variable, Access earlier, Access later) {

    /**
     * One side of a race.
     *
     * @param stack a few frames: the race's later access's own; for the earlier access, those of its thread's
     *              next access at the same site, or none when it did not come back
     */
    public record Access(String thread, boolean write, Site site, List<StackTraceElement> stack) {

        String describe(String stackNote) {
            StringBuilder text = new StringBuilder();
            text.append(write ? "write" : "read").append(" in thread \"").append(thread).append("\" at ")
                    .append(site == null ? "(unknown site)" : site.location());
            if (!stack.isEmpty() && stackNote != null) {
                text.append("\n      (").append(stackNote).append(")");
            }
            for (StackTraceElement frame : stack) {
                text.append("\n      at ").append(frame);
            }
            return text.toString();
        }
    }

    /** This race with the earlier access's stack, taken at its thread's next access at the same site. */
    public Race withEarlierStack(List<StackTraceElement> stack) {
        return new Race(variable, new Access(earlier.thread, earlier.write, earlier.site, List.copyOf(stack)), later);
    }

    /** A few lines naming the variable, both accesses and both threads. */
    public String describe() {
        return "data race on " + variable + "\n    " + earlier.describe("stack of this thread's next access here")
                + "\n    " + later.describe(null);
    }
}
