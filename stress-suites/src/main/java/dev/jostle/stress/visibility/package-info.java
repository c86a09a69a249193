/**
 * Visibility: a stop flag, plain and volatile ({@code StopFlag_*}). jcstress tests: they run in the JVMs jcstress
 * forks, driven from the JUnit JVM by the framework's bridge, which grades their outcomes.
 */
package dev.jostle.stress.visibility;
