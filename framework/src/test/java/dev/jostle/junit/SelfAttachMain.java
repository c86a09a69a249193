package dev.jostle.junit;

import dev.jostle.junit.internal.AgentAttacher;

/** Started by {@link AgentSelfAttachTests} in a JVM whose class path has the agent as a class folder, as an IDE has. */
final class SelfAttachMain {

    private SelfAttachMain() {
    }

    public static void main(String[] args) {
        System.out.println("before: started=" + AgentAttacher.agentStarted());
        AgentAttacher.ensureAgent(System.out);
        AgentAttacher.ensureAgent(System.out);
        System.out.println("after: started=" + AgentAttacher.agentStarted()
                + " installed=" + dev.jostle.agent.runtime.JostleRuntime.isInstalled());
    }
}
