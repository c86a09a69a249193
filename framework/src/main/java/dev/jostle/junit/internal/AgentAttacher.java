package dev.jostle.junit.internal;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Makes sure the agent runs in this JVM: started by {@code -javaagent} (the CI way), or attached here, once,
 * with one line saying so.
 *
 * <p>The check must not load the agent's bootstrap classes through the application class loader: if it
 * did, that loader would keep its own copy of {@code Hooks} and instrumented code would not reach the
 * rounds. So it asks the boot loader directly ({@code Class.forName(name, false, null)}), where the agent
 * puts the bootstrap package when it starts. Nothing in this class refers to agent classes by type.
 */
public final class AgentAttacher {

    private static final String HOOKS = "dev.jostle.agent.bootstrap.Hooks";
    /** The bootstrap package's classes that hold or pass state shared by hooks and rounds. */
    private static final String[] BOOTSTRAP_CLASSES = {HOOKS, "dev.jostle.agent.bootstrap.Probes",
        "dev.jostle.agent.bootstrap.Probe", "dev.jostle.agent.bootstrap.ProbeBinding",
        "dev.jostle.agent.bootstrap.Sites", "dev.jostle.agent.bootstrap.RoundExit"};
    private static final String AGENT_CLASS = "dev.jostle.agent.JostleAgent";
    private static final String AGENT_CLASS_FILE = AGENT_CLASS.replace('.', '/') + ".class";

    private static boolean ready;

    private AgentAttacher() {
    }

    /** Whether the agent has started in this JVM (its bootstrap package is on the boot class path). */
    public static boolean agentStarted() {
        try {
            Class.forName(HOOKS, false, null);
            return true;
        } catch (ClassNotFoundException notYet) {
            return false;
        }
    }

    /**
     * Attaches the agent unless it already runs; prints one line to {@code out} when it attaches.
     *
     * @throws ExtensionConfigurationException when the agent can be neither found nor attached
     */
    public static synchronized void ensureAgent(PrintStream out) {
        if (ready) {
            return;
        }
        if (!agentStarted()) {
            Path jar = agentJar();
            try {
                ByteBuddyAgent.attach(jar.toFile(), String.valueOf(ProcessHandle.current().pid()));
            } catch (RuntimeException | LinkageError failure) {
                throw new ExtensionConfigurationException("jostle: could not attach the agent from " + jar
                        + " (" + failure + "); run the tests with -javaagent:/path/to/jostle-agent.jar instead",
                        failure);
            }
            if (!agentStarted()) {
                throw new ExtensionConfigurationException("jostle: attached the agent from " + jar
                        + " but it did not start (see its message above); run with -javaagent instead");
            }
            out.println("jostle: no -javaagent given, so the agent was attached at run time from " + jar
                    + " (for CI, add -javaagent:<jostle-agent.jar> to the test JVM, e.g. Surefire's argLine)");
        }
        if (!sameHooksAsTheAgent()) {
            throw new ExtensionConfigurationException("jostle: this JVM loaded Jostle's bootstrap classes"
                    + " (dev.jostle.agent.bootstrap) from the class path before the agent started, so instrumented code and the"
                    + " rounds would use two different copies and no noise would reach the code under test. Start"
                    + " the test JVM with -javaagent:/path/to/jostle-agent.jar (Surefire's argLine), or let the"
                    + " first @Jostled test run before any code uses dev.jostle.agent or dev.jostle.engine");
        }
        if (!InstalledCheck.installed()) {
            throw new ExtensionConfigurationException("jostle: the agent is on the boot class path but did not"
                    + " install itself (see its message above); no code would be jostled");
        }
        ready = true;
    }

    /**
     * Whether the framework's class loader resolves the bootstrap package to the agent's (boot) copy. It does
     * unless something loaded those classes through the class path before the agent put them on the boot
     * class path: then hooks and rounds would silently miss each other (a class the application loader has
     * not loaded yet is looked up parent first, so asking does no harm).
     */
    private static boolean sameHooksAsTheAgent() {
        ClassLoader framework = AgentAttacher.class.getClassLoader();
        try {
            for (String name : BOOTSTRAP_CLASSES) {
                if (Class.forName(name, false, framework) != Class.forName(name, false, null)) {
                    return false;
                }
            }
            return true;
        } catch (ClassNotFoundException | LinkageError unexpected) {
            return false;
        }
    }

    /** Kept apart so that {@code JostleRuntime} is loaded only after the agent was found or attached. */
    private static final class InstalledCheck {
        static boolean installed() {
            return dev.jostle.agent.runtime.JostleRuntime.isInstalled();
        }
    }

    /**
     * The jar to attach: the one holding the agent class if its manifest names an {@code Agent-Class};
     * otherwise (a class folder in an IDE or {@code target/classes}, or a jar without that manifest) a
     * temporary jar with just the manifest: the agent class itself is then found on the class path.
     */
    private static Path agentJar() {
        URL url = ClassLoader.getSystemResource(AGENT_CLASS_FILE);
        if (url == null) {
            url = AgentAttacher.class.getClassLoader().getResource(AGENT_CLASS_FILE);
        }
        if (url == null) {
            throw new ExtensionConfigurationException("jostle: the agent (" + AGENT_CLASS + ") is not on the class"
                    + " path; add the dev.jostle:jostle dependency, or run with -javaagent:/path/to/jostle-agent.jar");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                Path jar = new File(connection.getJarFileURL().toURI()).toPath();
                if (namesAgentClass(jar)) {
                    return jar;
                }
            }
            return manifestOnlyJar();
        } catch (IOException | URISyntaxException failure) {
            throw new ExtensionConfigurationException("jostle: could not prepare the agent jar from " + url, failure);
        }
    }

    private static boolean namesAgentClass(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && AGENT_CLASS.equals(manifest.getMainAttributes().getValue("Agent-Class"));
        }
    }

    private static Path manifestOnlyJar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Agent-Class", AGENT_CLASS);
        main.putValue("Can-Retransform-Classes", "true");
        main.putValue("Can-Redefine-Classes", "true");
        Path jar = Files.createTempFile("jostle-agent-", ".jar");
        jar.toFile().deleteOnExit();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }
}
