package dev.jostle.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.junit.internal.AgentAttacher;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs in a JVM of its own without {@code -javaagent} (Surefire execution "self-attach"), as an IDE run of a
 * single test would: the first {@code @Jostled} test attaches the agent and says so in one line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test needs a JVM the agent is not in yet
class AgentSelfAttachTests {

    @Test
    @Order(1)
    void noJavaAgent_runTwoJostledTests_attachesTheAgentOnceSayingSoInOneLine() {
        assertFalse(AgentAttacher.agentStarted(), "this JVM must start without -javaagent");

        String printed = capturingSystemOut(() -> {
            JostledTestKit.run(PassingTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
            JostledTestKit.run(PassingTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        });

        // Each jostled test also prints its summary line, which names it.
        List<String> lines = Arrays.stream(printed.split("\\R")).filter(line -> line.startsWith("jostle:"))
                .filter(line -> !line.startsWith("jostle: " + PassingTestCase.class.getName() + "#"))
                .collect(Collectors.toList());
        assertEquals(1, lines.size(), "one line, once: " + printed);
        assertTrue(lines.get(0).startsWith("jostle: no -javaagent given, so the agent was attached at run time from "),
                lines.get(0));
        assertTrue(AgentAttacher.agentStarted(), "the bootstrap package is on the boot class path");
        assertTrue(dev.jostle.agent.runtime.JostleRuntime.isInstalled(), "and the agent installed itself");
    }

    @Test
    @Order(2)
    void agentAttachedByAJostledTest_racyPlainTest_getsNoRoundOfItsOwn(@TempDir Path reports) {
        JostledTestKit.run(PassingTestCase.class).testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertTrue(dev.jostle.agent.runtime.JostleRuntime.isInstalled(), "a @Jostled test attached the agent");

        EveryTestRun run = EveryTestRun.of(reports, EveryTestRoundsTests.TwoTestsTestCase.class);

        assertEquals(org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL, run.status("racy"));
        assertEquals(List.of(), run.jostleLines, "only -javaagent asks for every test to be watched");
        assertFalse(java.nio.file.Files.exists(run.reportFile()));
    }

    @Test
    void agentAsAClassFolder_attach_attachesAManifestOnlyJarOnceAndTheAgentStarts() throws Exception {
        // An IDE puts agent/target/classes on the class path, not the jar: a JVM of its own shows that path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path agentClasses = Path.of(System.getProperty("user.dir")).resolveSibling("agent").resolve("target/classes");
        String folderClassPath = Arrays.stream(classPath.split(File.pathSeparator))
                .map(entry -> entry.endsWith("jostle-agent.jar") ? agentClasses.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(folderClassPath.contains(agentClasses.toString()), "the agent came from " + classPath);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-XX:+EnableDynamicAgentLoading", "-cp", folderClassPath,
                SelfAttachMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("before: started=false"), output);
        assertTrue(output.contains("after: started=true installed=true"), output);
        List<String> attachLines = Arrays.stream(output.split("\\R"))
                .filter(line -> line.startsWith("jostle: no -javaagent given")).collect(Collectors.toList());
        assertEquals(1, attachLines.size(), output);
        assertTrue(attachLines.get(0).contains("jostle-agent-") && attachLines.get(0).contains(".jar"),
                "a temporary jar carrying the manifest: " + attachLines.get(0));
    }

    @Test
    void bootstrapClassesLoadedFromTheClassPathFirst_attach_failsSayingNoNoiseWouldArrive() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-XX:+EnableDynamicAgentLoading", "-cp", classPath,
                SelfAttachTooLateMain.class.getName()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);

        assertTrue(output.contains("bound before: null"), output);
        assertTrue(output.contains("error: jostle: this JVM loaded Jostle's bootstrap classes"
                + " (dev.jostle.agent.bootstrap) from the class path before the agent started"), output);
        assertFalse(output.contains("no error"), output);
    }

    private static String capturingSystemOut(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    static class PassingTestCase {
        @Jostled(rounds = 3, time = "0", parallel = 1)
        void passes() {
        }
    }
}
