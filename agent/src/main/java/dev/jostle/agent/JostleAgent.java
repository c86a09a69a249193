package dev.jostle.agent;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import dev.jostle.agent.install.BootstrapJar;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point for {@code -javaagent}, late attach, and {@code java -jar jostle.jar}
 * ({@code Launcher-Agent-Class}). It does as little as possible: put the bootstrap package on the boot
 * class path, read the configuration, hand over to the installer, and never let an exception out.
 *
 * <p>Nothing here may touch {@code dev.jostle.agent.bootstrap} before {@link BootstrapJar#append} ran:
 * the application class loader would load a second copy of {@code Hooks}.
 */
public final class JostleAgent {

    private static boolean started;

    private JostleAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static synchronized void start(String args, Instrumentation inst, boolean late) {
        if (started) {
            return;
        }
        AgentConfig config;
        try {
            config = AgentConfig.read(args, System.getProperties());
        } catch (IllegalArgumentException bad) {
            System.err.println("jostle: " + bad.getMessage());
            if (late) {
                throw bad; // the attaching code reports it
            }
            // A malformed setting stops the JVM at start, naming it, rather than running uninstrumented.
            Runtime.getRuntime().halt(2);
            return;
        }
        try {
            BootstrapJar.append(inst, JostleAgent.class);
            AgentInstaller.install(config, inst, late);
            started = true;
        } catch (Throwable failure) {
            System.err.println("jostle: the agent could not start, the program runs without it: " + failure);
            failure.printStackTrace();
        }
    }
}
