/**
 * A map-backed loading cache, check-then-act and {@code computeIfAbsent}: a Lincheck subject. It runs in the test
 * JVM, under Lincheck's model checker (without the agent) or its stress mode (also under Jostle's noise).
 */
package dev.jostle.stress.cache;
