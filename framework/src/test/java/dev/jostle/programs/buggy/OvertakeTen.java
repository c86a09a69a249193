package dev.jostle.programs.buggy;

/**
 * Atomicity violation, 11 threads, narrow window: one auditor must overtake ten publishers, each of which
 * moves a configuration to its next version in two locked steps (see {@link OvertakeMany}).
 */
public class OvertakeTen {
    public static void main(String[] args) throws InterruptedException {
        OvertakeMany.run(10);
    }
}
