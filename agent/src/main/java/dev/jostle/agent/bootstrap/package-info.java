/**
 * What instrumented code calls, and nothing more: runs inside the JVM under test, on the threads of the code
 * under test, at every instrumented instruction. {@link dev.jostle.agent.bootstrap.Hooks} is the static
 * facade every inserted call goes to, {@link dev.jostle.agent.bootstrap.Probes} routes a thread's events to
 * the probe its round bound it to, and {@link dev.jostle.agent.bootstrap.Sites} names each instrumented
 * instruction by an int.
 *
 * <p>The agent appends this package, alone, to the bootstrap class path, so that a class instrumented in
 * any class loader (the application's, a test's child-first loader, a hunt round's fresh loader) resolves
 * the same {@link dev.jostle.agent.bootstrap.Hooks}. Everything here is dependency-free and small: no Byte
 * Buddy, no logging, no collections on the hot path. The logic behind a hook (noise, recording, race
 * detection) lives in the agent and is reached through {@link dev.jostle.agent.bootstrap.Probe}.
 */
package dev.jostle.agent.bootstrap;
