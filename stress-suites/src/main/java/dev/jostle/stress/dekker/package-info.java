/**
 * Dekker-style consensus, store buffering with plain and volatile flags ({@code Dekker_*}). jcstress tests: they
 * run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge, which grades their outcomes.
 */
package dev.jostle.stress.dekker;
