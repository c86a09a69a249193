package dev.jostle.programs.junitstyle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A JUnit 5 test that wants an injected parameter, which hunt does not supply. */
class NeedsTestInfo {

    @Test
    void named(TestInfo info) {
    }
}
