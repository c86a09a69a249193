package dev.jostle.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines a failure's stack trace passes through, as {@code class.method:line}, causes and suppressed
 * exceptions included. Read from the printed trace, not from the frames: a failure from a hunt's fork crosses
 * as text, and prints as it did there.
 */
final class FailureLines {

    /** {@code at [module/]com.acme.Counter.add(Counter.java:12)}. */
    private static final Pattern FRAME =
            Pattern.compile("\\bat (?:[^\\s/(]+/)*([^\\s(]+)\\.([^\\s.(]+)\\([^:)]*:(\\d+)\\)");

    private FailureLines() {
    }

    static Set<String> of(Throwable failure) {
        Set<String> lines = new HashSet<>();
        if (failure == null) {
            return lines;
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        Matcher frame = FRAME.matcher(trace.toString());
        while (frame.find()) {
            lines.add(frame.group(1) + "." + frame.group(2) + ":" + frame.group(3));
        }
        return lines;
    }
}
