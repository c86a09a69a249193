package dev.jostle.hunt;

/**
 * The failure of a round that printed its verdict: the line that matched {@code --fail-on-output}. It has no
 * stack of its own (it is made after the round, not thrown in it), so it reads as its message alone.
 */
final class FailingOutput extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String line;

    FailingOutput(OutputLines.Match match, String pattern) {
        super(match.stream() + " line " + JsonReport.string(match.line()) + " matches --fail-on-output "
                + Replay.quote(pattern));
        this.line = match.line();
        setStackTrace(new StackTraceElement[0]);
    }

    /** As a fork reported it: its message and the line. */
    FailingOutput(String message, String line) {
        super(message);
        this.line = line;
        setStackTrace(new StackTraceElement[0]);
    }

    /** The line as printed, without its line break. */
    String line() {
        return line;
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
