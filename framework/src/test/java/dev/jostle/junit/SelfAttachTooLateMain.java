package dev.jostle.junit;

import dev.jostle.junit.internal.AgentAttacher;

/**
 * Run as a JVM of its own by {@link AgentSelfAttachTests}: loads the agent's bootstrap classes from the class
 * path first (as code using Jostle's engine before any {@code @Jostled} test would), then asks for the agent.
 */
final class SelfAttachTooLateMain {

    private SelfAttachTooLateMain() {
    }

    public static void main(String[] args) {
        System.out.println("bound before: " + dev.jostle.agent.bootstrap.Probes.current());
        try {
            AgentAttacher.ensureAgent(System.out);
            System.out.println("no error");
        } catch (RuntimeException expected) {
            System.out.println("error: " + expected.getMessage());
        }
    }
}
