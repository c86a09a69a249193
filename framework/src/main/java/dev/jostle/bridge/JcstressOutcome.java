package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One row of a jcstress outcome table: an observed (or declared but unseen) result, how the test grades
 * it, how often it was seen, and the test's own description of it.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressOutcome {

    /** jcstress's grades; {@code UNKNOWN} is an outcome the test did not declare. */
    public enum Expect { ACCEPTABLE, ACCEPTABLE_INTERESTING, FORBIDDEN, UNKNOWN }

    private final String id;
    private final Expect expect;
    private final long count;
    private final String description;

    public JcstressOutcome(String id, Expect expect, long count, String description) {
        this.id = id;
        this.expect = expect;
        this.count = count;
        this.description = description == null ? "" : description;
    }

    public String id() {
        return id;
    }

    public Expect expect() {
        return expect;
    }

    public long count() {
        return count;
    }

    public String description() {
        return description;
    }

    /** Whether this row makes the test fail: a forbidden or undeclared result that was actually seen. */
    public boolean fails() {
        return count > 0 && (expect == Expect.FORBIDDEN || expect == Expect.UNKNOWN);
    }

    /** Whether this row is an interesting result that was actually seen. */
    public boolean interesting() {
        return count > 0 && expect == Expect.ACCEPTABLE_INTERESTING;
    }

    @Override
    public String toString() {
        return id + " x" + count + " " + expect + " (" + description + ")";
    }
}
