/**
 * What instrumented code calls, and nothing more.
 *
 * <p>The agent appends this package, alone, to the bootstrap class path, so that a class instrumented in
 * any class loader (the application's, a test's child-first loader, a hunt round's fresh loader) resolves
 * the same {@link dev.jostle.agent.bootstrap.Hooks}. Everything here is dependency-free and small: no Byte
 * Buddy, no logging, no collections on the hot path. The logic behind a hook (noise, recording, race
 * detection) lives in the agent and is reached through {@link dev.jostle.agent.bootstrap.Probe}.
 */
package dev.jostle.agent.bootstrap;
