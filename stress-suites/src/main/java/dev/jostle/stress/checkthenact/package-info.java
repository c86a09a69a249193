/**
 * Check-then-act, as lazy initialisation ({@code CheckThenAct_*}, over {@code RacyLazy} and {@code LockedLazy}).
 * jcstress tests: they run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge, which
 * grades their outcomes.
 */
package dev.jostle.stress.checkthenact;
