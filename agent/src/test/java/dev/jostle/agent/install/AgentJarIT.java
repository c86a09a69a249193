package dev.jostle.agent.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Site;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.instrument.Fixtures;
import dev.jostle.agent.instrument.RecordingProbe;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.fixtures.Fields;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;

/** Runs in a JVM started with {@code -javaagent:target/jostle-agent.jar} (failsafe), and launches others. */
class AgentJarIT {

    private static final String AGENT_JAR = System.getProperty("jostle.agent.jar");
    private static final String TEST_CLASSES = System.getProperty("jostle.test.classes");

    /** What a launched JVM printed (stdout and stderr together) and its exit status. */
    private record Run(int status, String output) {
    }

    @Test
    void javaagent_instrumentsTheTestsOwnClasses() throws Exception {
        assertTrue(JostleRuntime.isInstalled());
        Fields fields = new Fields();
        List<String> sites = new ArrayList<>();
        for (int id = 1; id < Sites.limit(); id++) {
            Site site = Sites.get(id);
            if (site != null && Fields.class.getName().equals(site.className)) {
                sites.add(site.toString());
            }
        }
        assertTrue(sites.size() > 10, sites.toString());

        RecordingProbe probe = new RecordingProbe().name(fields, "f");
        Object value = probe.record(() -> {
            fields.writeVolatile(4);
            return fields.readPlain();
        });
        assertEquals(1, value);
        String plain = "@Fields.readPlain:" + Fixtures.line("Fields", "read-plain") + " dev.jostle.fixtures.Fields.plain";
        String flag = "@Fields.writeVolatile:" + Fixtures.line("Fields", "write-volatile")
                + " dev.jostle.fixtures.Fields.flag volatile";
        assertEquals(List.of("field-write f " + flag, "field-read f " + plain), probe.lines());
    }

    @Test
    void javaagent_wellFormedRun_printsOnlyTheProgramsOutput() throws Exception {
        Run run = launch(List.of("-javaagent:" + AGENT_JAR), TEST_CLASSES, "dev.jostle.fixtures.Hello");
        assertEquals(new Run(0, "hello 1\n"), run);
    }

    /**
     * A synchronized method the agent makes take its monitor in code must keep its monitors balanced on every
     * path, or HotSpot's analysis ("monitor mismatch") keeps both compilers from it: a hot method interpreted.
     */
    @Test
    void synchronizedMethodsTakingTheirMonitorInCode_haveBalancedMonitorsForTheJit() throws Exception {
        Run run = launch(List.of("-javaagent:" + AGENT_JAR, "-Xlog:monitormismatch=info"), TEST_CLASSES,
                "dev.jostle.fixtures.HotSynchronized");
        assertEquals(new Run(0, "600000\n"), run);
    }

    @Test
    void javaagent_verbose_saysItIsInstalled() throws Exception {
        Run run = launch(List.of("-javaagent:" + AGENT_JAR, "-Djostle.verbose=true",
                "-Djostle.include=dev.jostle.fixtures.Hello"), TEST_CLASSES, "dev.jostle.fixtures.Hello");
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("jostle: agent installed (include=dev.jostle.fixtures.Hello"), run.output());
        assertTrue(run.output().contains("hello 1"), run.output());
    }

    @Test
    void javaagent_malformedInclude_stopsTheJvmWithStatus2NamingTheSetting() throws Exception {
        Run run = launch(List.of("-javaagent:" + AGENT_JAR, "-Djostle.include=com..acme"), TEST_CLASSES,
                "dev.jostle.fixtures.Hello");
        assertEquals(2, run.status(), run.output());
        assertTrue(run.output().contains("jostle.include") && run.output().contains("com..acme"), run.output());
        assertFalse(run.output().contains("hello"), run.output());
    }

    @Test
    void lateAttach_retransformsAClassThatAlreadyRan() throws Exception {
        String byteBuddyAgent = new File(ByteBuddyAgent.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).getPath();
        Run run = launch(List.of("-Djdk.attach.allowAttachSelf=true", "-XX:+EnableDynamicAgentLoading",
                        "-Djostle.include=dev.jostle.fixtures.Fields"),
                TEST_CLASSES + File.pathSeparator + byteBuddyAgent, "dev.jostle.fixtures.LateAttach", AGENT_JAR);
        assertEquals(0, run.status(), run.output());
        String last = run.output().strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("value=3 sites="), run.output());
        int sites = Integer.parseInt(last.replaceAll(".*sites=(\\d+).*", "$1"));
        assertTrue(sites > 10, run.output());
        assertEquals("events=1", last.substring(last.lastIndexOf(' ') + 1), run.output());
    }

    @Test
    void shadedConfig_stillExcludesTheUsersOwnByteBuddy() throws Exception {
        // Shading rewrites string constants naming net.bytebuddy; the shaded AgentConfig must still mean it.
        assertTrue(AgentConfig.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .endsWith("jostle-agent.jar"), "this test must run against the shaded jar");
        AgentConfig defaults = AgentConfig.read(null, new java.util.Properties());
        assertFalse(defaults.instruments("net.bytebuddy.ByteBuddy"));
        assertTrue(defaults.instruments("dev.jostle.fixtures.Fields"));
    }

    @Test
    void shadedJar_relocatesByteBuddyAndDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(AGENT_JAR)) {
            List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
            assertEquals(List.of(), names.stream().filter(n -> n.startsWith("net/bytebuddy/")).toList());
            assertTrue(names.contains("dev/jostle/agent/shaded/bytebuddy/agent/builder/AgentBuilder.class"));
            assertTrue(names.contains("dev/jostle/agent/bootstrap/Hooks.class"));
            byte[] installer = jar.getInputStream(jar.getEntry("dev/jostle/agent/install/AgentInstaller.class"))
                    .readAllBytes();
            String constants = new String(installer, StandardCharsets.ISO_8859_1);
            assertFalse(constants.contains("net/bytebuddy/"), "the agent's own classes must use the relocated names");
            assertTrue(constants.contains("dev/jostle/agent/shaded/bytebuddy/"));

            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("dev.jostle.agent.JostleAgent", manifest.getValue("Premain-Class"));
            assertEquals("dev.jostle.agent.JostleAgent", manifest.getValue("Agent-Class"));
            assertEquals("dev.jostle.agent.JostleAgent", manifest.getValue("Launcher-Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
            assertEquals("true", manifest.getValue("Can-Redefine-Classes"));
        }
    }

    @Test
    void shadedJar_holdsOnlyTheAgentItsRelocatedByteBuddyAndTheirNotices() throws Exception {
        // Anything else is either a tool that belongs to the build (benchmarks, the demo) or a third-party
        // class the relocation missed, such as Byte Buddy's multi-release classes under META-INF/versions.
        try (JarFile jar = new JarFile(AGENT_JAR)) {
            List<String> strays = Collections.list(jar.entries()).stream().map(JarEntry::getName)
                    .filter(name -> !name.endsWith("/"))
                    .filter(name -> !name.startsWith("dev/jostle/agent/"))
                    .filter(name -> !name.equals("META-INF/MANIFEST.MF") && !name.startsWith("META-INF/licenses/"))
                    .toList();
            assertEquals(List.of(), strays);
        }
    }

    @Test
    void lostUpdateDemo_documentedCommand_runsBothSidesUnderTheAgent() throws Exception {
        // docs/performance.md: java -javaagent:agent/target/jostle-agent.jar -cp agent/target/test-classes ...
        Run run = launch(List.of("-javaagent:" + AGENT_JAR), TEST_CLASSES, "dev.jostle.demo.LostUpdateDemo",
                "--rounds", "5", "--seconds", "20");
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("without jostling: "), run.output());
        assertTrue(run.output().contains("with jostling (mixed): "), run.output());
    }

    @Test
    void overheadBenchmark_documentedCommand_measuresEachConfigurationInAChildJvm() throws Exception {
        // docs/performance.md: java -cp agent/target/jostle-agent.jar:agent/target/test-classes ...; the children
        // need both entries too, the plain one without the agent and the others with it.
        Run run = launch(List.of(), AGENT_JAR + File.pathSeparator + TEST_CLASSES, "dev.jostle.bench.OverheadBenchmark",
                "--runs", "1", "--threads", "2", "--steps", "1000", "--configurations", "plain,none");
        assertEquals(0, run.status(), run.output());
        assertTrue(run.output().contains("plain (no agent)"), run.output());
        assertTrue(run.output().contains("round, strategy none"), run.output());
    }

    @Test
    void overheadBenchmark_withoutTheAgentJarOnTheClassPath_exits2SayingWhatToPutThere() throws Exception {
        Run run = launch(List.of(), TEST_CLASSES, "dev.jostle.bench.OverheadBenchmark", "--runs", "1");
        assertEquals(2, run.status(), run.output());
        assertEquals("OverheadBenchmark: put the agent jar first on the class path (java -cp "
                + "agent/target/jostle-agent.jar:agent/target/test-classes ...); the agent's classes are not on it\n",
                run.output());
    }

    /**
     * Drops the one line the JVM itself prints (JDK 25 with its default CDS archive) when an agent appends
     * to the boot class path, as Jostle must for its hooks. Everything else printed is asserted.
     */
    private static String withoutCdsWarning(String output) {
        return output.replaceAll("(?m)^OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader"
                + " classes because bootstrap classpath has been appended\\R", "");
    }

    private static Run launch(List<String> jvmOptions, String classPath, String mainClass, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Run(process.exitValue(), withoutCdsWarning(new String(output, StandardCharsets.UTF_8)));
    }
}
