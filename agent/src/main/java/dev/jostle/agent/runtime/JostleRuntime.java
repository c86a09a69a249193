package dev.jostle.agent.runtime;

import java.lang.instrument.Instrumentation;

/** Whether the agent is installed in this JVM, and the entry point to sessions. */
public final class JostleRuntime {

    private static volatile Instrumentation instrumentation;

    private JostleRuntime() {
    }

    /** Called once by the agent's installer. */
    public static void installed(Instrumentation inst) {
        instrumentation = inst;
    }

    /** True when the agent instruments classes in this JVM (attached by {@code -javaagent} or later). */
    public static boolean isInstalled() {
        return instrumentation != null;
    }

    public static Instrumentation instrumentation() {
        return instrumentation;
    }

    public static Session newSession(Strategy strategy, long baseSeed, boolean recordSites) {
        return new Session(strategy, baseSeed, recordSites);
    }
}
