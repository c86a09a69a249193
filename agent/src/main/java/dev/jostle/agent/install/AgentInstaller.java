package dev.jostle.agent.install;

import dev.jostle.agent.runtime.JostleRuntime;
import java.lang.instrument.Instrumentation;

/** Installs the class transformer. (Skeleton: the instrumentation itself lands with the agent work.) */
public final class AgentInstaller {

    private AgentInstaller() {
    }

    public static void install(AgentConfig config, Instrumentation inst, boolean late) {
        JostleRuntime.installed(inst);
    }
}
