/**
 * Causality (message passing): data written before a plain or a volatile ready flag ({@code Causality_*}). jcstress
 * tests: they run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge, which grades
 * their outcomes.
 */
package dev.jostle.stress.causality;
