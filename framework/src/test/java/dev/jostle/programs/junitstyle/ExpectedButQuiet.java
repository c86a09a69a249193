package dev.jostle.programs.junitstyle;

import org.junit.After;
import org.junit.Test;

/** Expects an exception that never comes, and its @After fails too: the first failure is reported. */
public class ExpectedButQuiet {

    @Test(expected = IllegalStateException.class)
    public void quiet() {
    }

    @After
    public void tearDown() {
        throw new IllegalArgumentException("tearDown failed too");
    }
}
