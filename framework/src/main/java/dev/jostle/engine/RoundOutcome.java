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
 */
public record RoundOutcome(FailureKind kind, Throwable failure, String thread, String details,
        RoundReport report, Duration elapsed) {

    public static RoundOutcome passed(RoundReport report, Duration elapsed) {
        return new RoundOutcome(null, null, null, null, report, elapsed);
    }

    /** A failure not tied to a thread, without details; see {@link #inThread} and {@link #withDetails}. */
    public static RoundOutcome failed(FailureKind kind, Throwable failure, RoundReport report, Duration elapsed) {
        return new RoundOutcome(kind, failure, null, null, report, elapsed);
    }

    public RoundOutcome inThread(String name) {
        return new RoundOutcome(kind, failure, name, details, report, elapsed);
    }

    public RoundOutcome withDetails(String evidence) {
        return new RoundOutcome(kind, failure, thread, evidence, report, elapsed);
    }

    public RoundOutcome withElapsed(Duration took) {
        return new RoundOutcome(kind, failure, thread, details, report, took);
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
