package dev.jostle.stress.realworld;

/** How one test ended in one Surefire run, with the failure's message when it did not pass. */
record TestOutcome(Status status, String message) {

    enum Status { PASSED, FAILED, ERROR, SKIPPED }

    boolean passed() {
        return status == Status.PASSED;
    }

    boolean ran() {
        return status != Status.SKIPPED;
    }

    /** The status and the message's first line: a jostled failure's message goes on for a page. */
    @Override
    public String toString() {
        if (message == null || message.isBlank()) {
            return status.name().toLowerCase();
        }
        return status.name().toLowerCase() + ": " + message.lines().findFirst().orElse("");
    }

    /** The line of Jostle's report that says which round failed ("jostle: round 6 failed, ..."), or null. */
    String jostleRoundLine() {
        return message == null ? null
                : message.lines().filter(line -> line.startsWith("jostle: ")).findFirst().orElse(null);
    }
}
