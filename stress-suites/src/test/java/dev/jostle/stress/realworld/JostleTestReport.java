package dev.jostle.stress.realworld;

import java.util.List;

/**
 * The fields of one jostled test's JSON report that the checks read.
 *
 * @param junitTimeoutMillis the JUnit timeout the test's rounds ran under, -1 when none
 */
record JostleTestReport(String file, String test, String verdict, int jostledRounds, List<Race> races,
        long junitTimeoutMillis) {

    boolean notJostled() {
        return "not-jostled".equals(verdict);
    }

    /**
     * Not jostled because the test's own JUnit timeout, which wraps every round, left no room for the minimum of
     * rounds: the test's limit, not Jostle's failing (Jostle says so on the test's summary line).
     */
    boolean notJostledWithinItsJUnitTimeout() {
        return notJostled() && junitTimeoutMillis >= 0;
    }
}
