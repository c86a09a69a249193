/**
 * Publication: an object published through a plain, a volatile or a final field ({@code Publication_*}). jcstress
 * tests: they run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge, which grades
 * their outcomes.
 */
package dev.jostle.stress.publication;
