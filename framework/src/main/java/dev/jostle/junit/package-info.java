/**
 * The API a test is written against: {@link dev.jostle.junit.Jostled}, the annotation that runs a test as jostled
 * rounds, and {@link dev.jostle.junit.Concurrently}, which starts tasks together and passes on their failures. Runs
 * inside the JVM under test, called from the test's own code: the threads {@code Concurrently} starts are the ones
 * the agent jostles. Everything behind the annotation is in {@code dev.jostle.junit.internal}.
 */
package dev.jostle.junit;
