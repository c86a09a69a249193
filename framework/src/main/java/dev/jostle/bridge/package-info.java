/**
 * Runs jcstress and Lincheck from JUnit: each jcstress test becomes one JUnit test, Lincheck runs with
 * budgets that fit CI, and Lincheck's stress mode can run under Jostle's scheduling noise. Every Lincheck
 * mode is guarded by a known-racy canary, so a JDK on which Lincheck goes blind fails loudly instead of
 * reporting a pass. It runs in the JUnit JVM: jcstress tests run in JVMs of their own, which the bridge starts
 * and whose results it reads back; Lincheck runs in the JUnit JVM itself.
 *
 * <p>jcstress-core and Lincheck are optional dependencies of the framework: a project that uses the bridge
 * brings its own.
 */
package dev.jostle.bridge;
