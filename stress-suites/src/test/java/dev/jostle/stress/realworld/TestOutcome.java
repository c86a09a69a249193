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

    @Override
    public String toString() {
        return message == null || message.isBlank() ? status.name().toLowerCase() : status.name().toLowerCase() + ": " + message;
    }
}
