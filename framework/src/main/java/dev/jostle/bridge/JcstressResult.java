package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What jcstress found for one test, merged over every configuration and fork it ran in.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressResult {

    private final String test;
    private final String status;
    private final List<JcstressOutcome> outcomes;
    private final List<String> messages;

    /**
     * @param status jcstress's run status: {@code NORMAL} when the test ran to completion, otherwise an
     *     error ({@code TIMEOUT_ERROR}, {@code TEST_ERROR}, {@code VM_ERROR}, ...)
     */
    public JcstressResult(String test, String status, List<JcstressOutcome> outcomes, List<String> messages) {
        this.test = test;
        this.status = status;
        this.outcomes = Collections.unmodifiableList(new ArrayList<>(outcomes));
        this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
    }

    /** The fully qualified class name of the jcstress test. */
    public String test() {
        return test;
    }

    /** The class name without its package. */
    public String simpleName() {
        return test.substring(test.lastIndexOf('.') + 1);
    }

    public String status() {
        return status;
    }

    public List<JcstressOutcome> outcomes() {
        return outcomes;
    }

    public List<String> messages() {
        return messages;
    }

    /** Whether the test ran to completion and no forbidden or undeclared outcome was seen. */
    public boolean passed() {
        return "NORMAL".equals(status) && outcomes.stream().noneMatch(JcstressOutcome::fails);
    }

    /** Whether an outcome the test declares interesting (the broken variant's race) was seen. */
    public boolean interesting() {
        return outcomes.stream().anyMatch(JcstressOutcome::interesting);
    }

    public long samples() {
        return outcomes.stream().mapToLong(JcstressOutcome::count).sum();
    }

    /** The outcome table as jcstress prints it: result, samples, frequency, grade, description. */
    public String table() {
        int idWidth = Math.max("RESULT".length(),
                outcomes.stream().mapToInt(o -> o.id().length()).max().orElse(0));
        long total = Math.max(1, samples());
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %" + idWidth + "s  %14s  %7s  %-11s  %s%n",
                "RESULT", "SAMPLES", "FREQ", "EXPECT", "DESCRIPTION"));
        for (JcstressOutcome o : outcomes) {
            out.append(String.format(Locale.ROOT, "  %" + idWidth + "s  %,14d  %6.2f%%  %-11s  %s%n", o.id(),
                    o.count(), 100.0 * o.count() / total, label(o.expect()), o.description()));
        }
        return out.toString();
    }

    /** A failure message: the verdict, the table, and whatever jcstress said about the run. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(test).append(": ").append(verdict()).append(System.lineSeparator()).append(table());
        for (String message : messages) {
            out.append("  ").append(message).append(System.lineSeparator());
        }
        return out.toString();
    }

    private String verdict() {
        if (!"NORMAL".equals(status)) {
            return "jcstress reported " + status;
        }
        long forbidden = outcomes.stream().filter(JcstressOutcome::fails).mapToLong(JcstressOutcome::count).sum();
        if (forbidden > 0) {
            return forbidden + " forbidden outcome(s) observed";
        }
        return interesting() ? "passed, interesting outcome observed" : "passed";
    }

    private static String label(JcstressOutcome.Expect expect) {
        switch (expect) {
            case ACCEPTABLE:
                return "Acceptable";
            case ACCEPTABLE_INTERESTING:
                return "Interesting";
            case FORBIDDEN:
                return "Forbidden";
            default:
                return "Unknown";
        }
    }

    @Override
    public String toString() {
        return test + " " + verdict();
    }
}
