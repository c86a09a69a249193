/**
 * {@code LostUpdateDemo}: the smallest bug there is, run with and without jostling in a JVM started with the agent,
 * to see the agent work on its own. Runs inside the JVM under test; test code, never shipped.
 */
package dev.jostle.demo;
