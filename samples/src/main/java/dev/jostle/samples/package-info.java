/**
 * The sample runner ({@code java -jar samples/target/jostle-samples.jar}): {@link dev.jostle.samples.Catalogue}
 * lists every variant, {@code SampleSuites} runs each through the engine, with noise off and then jostled, and
 * {@code SuiteTable} prints the table. The runner drives; the bug packages below it are the code under test. Both
 * run in the same JVM, which the jar starts with the agent; {@code Crew} is the small helper the scenarios start
 * their threads with.
 */
package dev.jostle.samples;
