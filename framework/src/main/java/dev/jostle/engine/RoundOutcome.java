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
 * @param elapsed how long the round took
 * @param unfinished the search's deadline stopped the round before it ended or ran out of its own time (its
 *                   limit cut, or class loading time it would have got back denied): it proves nothing, and
 *                   counts neither as a round run nor as a failure
 */
public record RoundOutcome(FailureKind kind, Throwable failure, String thread, String details,
        RoundReport report, Duration elapsed, boolean unfinished) {

    public static RoundOutcome passed(RoundReport report, Duration elapsed) {
        return new RoundOutcome(null, null, null, null, report, elapsed, false);
    }

    /** A failure not tied to a thread, without details; see {@link #inThread} and {@link #withDetails}. */
    public static RoundOutcome failed(FailureKind kind, Throwable failure, RoundReport report, Duration elapsed) {
        return new RoundOutcome(kind, failure, null, null, report, elapsed, false);
    }

    public RoundOutcome inThread(String name) {
        return new RoundOutcome(kind, failure, name, details, report, elapsed, unfinished);
    }

    public RoundOutcome withDetails(String evidence) {
        return new RoundOutcome(kind, failure, thread, evidence, report, elapsed, unfinished);
    }

    public RoundOutcome withElapsed(Duration took) {
        return new RoundOutcome(kind, failure, thread, details, report, took, unfinished);
    }

    /** This outcome, marked as a round the search's deadline stopped (see {@code unfinished} above). */
    public RoundOutcome unfinishedByTheDeadline() {
        return new RoundOutcome(kind, failure, thread, details, report, elapsed, true);
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
