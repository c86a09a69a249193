/**
 * The Lincheck suites: each structure of {@code dev.jostle.stress} checked by model checking and stress, and stress
 * under Jostle's noise, with the canaries and the noise benchmark. They run in the test JVM: model checking in one
 * without the agent, the noisy runs in a second Surefire execution with it.
 */
package dev.jostle.stress.lincheck;
