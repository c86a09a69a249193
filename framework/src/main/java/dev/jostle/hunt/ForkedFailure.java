package dev.jostle.hunt;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A round's failure as a fork saw it: its class may exist only in the fork's class loader, so it crosses as
 * text, and reads and prints here as it did there.
 */
final class ForkedFailure extends Throwable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final String stack;

    ForkedFailure(String text, String stack) {
        super(text, null, false, false);
        this.text = text;
        this.stack = stack == null ? text + System.lineSeparator() : stack;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public void printStackTrace(PrintWriter out) {
        out.print(stack);
        out.flush();
    }

    @Override
    public void printStackTrace(PrintStream out) {
        out.print(stack);
        out.flush();
    }
}
