/**
 * Double-checked locking ({@code DoubleCheckedLocking_*}, over the singletons they check). jcstress tests: they run
 * in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge, which grades their outcomes.
 */
package dev.jostle.stress.dcl;
