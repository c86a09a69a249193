/**
 * The agent's entry point, {@link dev.jostle.agent.JostleAgent}: runs inside the JVM under test, started by
 * that JVM itself ({@code -javaagent}, a late attach from the first {@code @Jostled} test, or
 * {@code java -jar jostle.jar}'s {@code Launcher-Agent-Class}) before or while the code under test runs. It
 * only hands over: the bootstrap package onto the boot class path, the configuration read, the installer
 * called, and no exception let out.
 */
package dev.jostle.agent;
