/**
 * Runs rounds: one body under one {@link dev.jostle.agent.runtime.Round}, with a timeout, with failures
 * of every thread the round started caught, and deadlocks named with their cycle; and campaigns of rounds
 * within a budget, on several threads at once. Shared by {@code @Jostled}, {@code hunt} and the sample
 * suites. It drives from inside the JVM under test, beside the code it runs, and is never instrumented (see
 * the agent's default exclusions).
 */
package dev.jostle.engine;
