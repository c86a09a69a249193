/**
 * A Treiber stack, racy and with {@code compareAndSet}: a Lincheck subject. It runs in the test JVM, under
 * Lincheck's model checker (without the agent) or its stress mode (also under Jostle's noise).
 */
package dev.jostle.stress.stack;
