/**
 * The jcstress and Lincheck subjects, one package per question (see stress-suites/README.md). This package holds
 * only {@link dev.jostle.stress.HardwareDependent}, the mark of a broken jcstress test whose outcome this machine
 * may never show. The jcstress tests run in the JVMs jcstress forks, driven from the JUnit JVM by the framework's
 * bridge.
 */
package dev.jostle.stress;
