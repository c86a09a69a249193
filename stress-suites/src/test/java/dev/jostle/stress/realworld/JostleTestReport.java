package dev.jostle.stress.realworld;

import java.util.List;

/** The fields of one jostled test's JSON report that the checks read. */
record JostleTestReport(String file, String test, String verdict, int jostledRounds, List<Race> races) {

    boolean notJostled() {
        return "not-jostled".equals(verdict);
    }
}
