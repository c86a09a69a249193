package dev.jostle.engine;

import dev.jostle.agent.runtime.RoundReport;
import java.time.Duration;

/**
 * How one round ended.
 *
 * @param kind    null when the round passed
 * @param failure the original throwable, when there is one (for a deadlock or a timeout, an
 *                {@link AssertionError} carrying the details)
 * @param thread  the name of the thread that failed, when one did
 * @param details extra evidence: the lock cycle and stacks of a deadlock, the stacks of a hang
 * @param report  what the agent saw in the round
 * @param unfinished the search's deadline stopped the round before it ended or ran out of its own time (its
 *                   limit cut, or class loading time it would have got back denied): it proves nothing, and
 *                   counts neither as a round run nor as a failure
 */
public record RoundOutcome(FailureKind kind, Throwable failure, String thread, String details,
        RoundReport report, Duration elapsed, boolean unfinished) {

    /** A round that ran to its end or its own timeout. */
    public RoundOutcome(FailureKind kind, Throwable failure, String thread, String details, RoundReport report,
            Duration elapsed) {
        this(kind, failure, thread, details, report, elapsed, false);
    }

    public boolean passed() {
        return kind == null;
    }

    public int round() {
        return report.index();
    }

    /** One line: the kind and the failure's own message. */
    public String headline() {
        if (passed()) {
            return "passed";
        }
        String where = thread == null ? "" : " in thread \"" + thread + "\"";
        String what = failure == null ? "" : ": " + failure;
        return kind.label() + where + what;
    }
}
