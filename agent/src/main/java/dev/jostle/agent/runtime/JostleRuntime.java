package dev.jostle.agent.runtime;

import java.lang.instrument.Instrumentation;

/** Whether the agent is installed in this JVM, and the entry point to sessions. */
public final class JostleRuntime {

    private static volatile Instrumentation instrumentation;
    private static volatile boolean atLaunch;

    private JostleRuntime() {
    }

    /**
     * Called once by the agent's installer.
     *
     * @param startedAtLaunch whether the agent started with the JVM ({@code -javaagent}, through
     *                        {@code premain}) rather than attached later ({@code agentmain})
     */
    public static void installed(Instrumentation inst, boolean startedAtLaunch) {
        atLaunch = startedAtLaunch;
        instrumentation = inst;
    }

    /** True when the agent instruments classes in this JVM (attached by {@code -javaagent} or later). */
    public static boolean isInstalled() {
        return instrumentation != null;
    }

    /**
     * True when the agent was started by {@code -javaagent} with the JVM: the user asked for Jostle in this
     * whole run, not only for the {@code @Jostled} tests that attach it themselves.
     */
    public static boolean startedAtLaunch() {
        return instrumentation != null && atLaunch;
    }

    public static Instrumentation instrumentation() {
        return instrumentation;
    }

    public static Session newSession(Strategy strategy, long baseSeed, boolean recordSites) {
        return new Session(strategy, baseSeed, recordSites);
    }
}
