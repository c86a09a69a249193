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
 */
public record RoundOutcome(FailureKind kind, Throwable failure, String thread, String details,
        RoundReport report, Duration elapsed) {

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
