/**
 * Access atomicity: whether a plain {@code long} or {@code double} can be read half written ({@code
 * AccessAtomicity_*}). jcstress tests: they run in the JVMs jcstress forks, driven from the JUnit JVM by the
 * framework's bridge, which grades their outcomes.
 */
package dev.jostle.stress.atomicity;
