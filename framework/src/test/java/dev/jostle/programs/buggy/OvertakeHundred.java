package dev.jostle.programs.buggy;

/**
 * Atomicity violation, 101 threads, narrow window: one auditor must overtake a hundred publishers, each of
 * which moves a configuration to its next version in two locked steps (see {@link OvertakeMany}).
 */
public class OvertakeHundred {
    public static void main(String[] args) throws InterruptedException {
        OvertakeMany.run(100);
    }
}
