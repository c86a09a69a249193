/**
 * The lost update: counters, plain, atomic and locked, and the jcstress tests over them ({@code LostUpdate_*}). The
 * jcstress tests run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's bridge; the counters
 * also run under Lincheck, in the test JVM.
 */
package dev.jostle.stress.lostupdate;
