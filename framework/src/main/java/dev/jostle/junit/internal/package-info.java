/**
 * The JUnit extensions behind {@code @Jostled}, {@code jostle.select} and the per-test rounds under {@code
 * -javaagent}: they drive the test from inside the JVM under test, never instrumented (see the agent's default
 * exclusions). {@code JostledExtension} reads the settings ({@code JostledConfiguration}), runs the rounds through
 * the engine with a fresh test instance and its extensions for each ({@code JostledRounds}, {@code
 * FreshInstanceRound}, {@code RoundExtensions}), attaches the agent when no {@code -javaagent} did ({@code
 * AgentAttacher}) and writes the report ({@code JostledReport}); the {@code EveryTest*} classes give every plain
 * test one round with race detection, and {@code RacesByTest} sums them up. Not an API: any of it may change.
 */
package dev.jostle.junit.internal;
