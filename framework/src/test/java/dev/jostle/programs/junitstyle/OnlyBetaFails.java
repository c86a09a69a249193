package dev.jostle.programs.junitstyle;

import org.junit.Test;

/** Of three tests only beta fails: a hunt of Class#@Test must name it, and replay it, not its neighbours. */
public class OnlyBetaFails {

    @Test
    public void alpha() {
    }

    @Test
    public void beta() {
        throw new AssertionError("beta failed");
    }

    @Test
    public void gamma() {
    }
}
