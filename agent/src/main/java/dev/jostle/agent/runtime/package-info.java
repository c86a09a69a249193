/**
 * Sessions and rounds: runs inside the JVM under test, on both sides of the hooks. The framework's round
 * engine ({@code @Jostled}, {@code hunt}, in that same JVM) opens a {@link dev.jostle.agent.runtime.Session}
 * and its {@link dev.jostle.agent.runtime.Round}s, binds the thread that runs a round's code and reads each
 * {@link dev.jostle.agent.runtime.RoundReport}; the round's threads report every event through the hooks to
 * {@code RoundProbe}, which keeps a {@link dev.jostle.agent.runtime.ThreadState} per thread, asks the
 * round's noise plan for delays and feeds the race detector. {@link dev.jostle.agent.runtime.Strategy}
 * names the kinds of noise and makes each round's plan, {@link dev.jostle.agent.runtime.Seeds} the
 * session's seeds, and {@link dev.jostle.agent.runtime.JostleRuntime} says whether the agent is installed.
 */
package dev.jostle.agent.runtime;
