package dev.jostle.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.agent.schedule.Schedule;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * JDK 21's one-call starts, {@code Thread.startVirtualThread} and {@code Thread.Builder.start}: the race
 * detector must see each start as it sees {@code Thread.start}, or it takes the threads for pool workers
 * and orders them through java.util.concurrent, hiding their races. Runs on JDK 21 and later (CI's JDK 25
 * pass); the fixture is compiled here, for Java 21.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadStartTests {

    private static final String FIXTURE = Fixtures.PACKAGE + "VirtualThreads";
    private static final Path SOURCE = Path.of("src/test/java21/dev/jostle/fixtures/VirtualThreads.java");

    @TempDir
    static Path classes;
    private static Class<?> virtualThreads;

    @BeforeAll
    static void compileForJava21() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        boolean compiled = javac.getTask(messages, null, null, List.of("--release", "21", "-g", "-d",
                classes.toString()), null, javac.getStandardFileManager(null, null, null)
                .getJavaFileObjects(SOURCE.toFile())).call();
        assertTrue(compiled, messages.toString());
        TransformingClassLoader loader = new TransformingClassLoader(new URL[] {classes.toUri().toURL()},
                name -> name.startsWith(FIXTURE), AgentInstaller.transformer(AgentConfig.read(null, new Properties())));
        virtualThreads = Class.forName(FIXTURE, true, loader);
    }

    @Test
    void startVirtualThreadAndBuilderStart_areReportedAsThreadStarts() throws Exception {
        RecordingProbe probe = new RecordingProbe();
        probe.record(() -> Fixtures.call(virtualThreads, "racyCount"));
        List<String> starts = probe.lines().stream().filter(line -> line.startsWith("thread-start ")).toList();
        assertEquals(2, starts.size(), probe.lines().toString());
        assertTrue(starts.get(0).endsWith("java.lang.Thread.startVirtualThread"), starts.toString());
        assertTrue(starts.get(1).endsWith("java.lang.Thread$Builder$OfVirtual.start"), starts.toString());
    }

    @Test
    void plainCounterOnVirtualThreads_roundWithoutNoise_reportsTheRace() throws Exception {
        RoundReport report = runInRound("racyCount", null); // an update may be lost: that is the bug

        assertTrue(report.describeRaces().contains("data race on dev.jostle.fixtures.VirtualThreads.count"),
                report.describeRaces());
    }

    @Test
    void lockedCounterOnVirtualAndBuiltThreads_roundWithoutNoise_reportsNothing() throws Exception {
        assertEquals("", runInRound("lockedCount", 20).describeRaces());
    }

    @Test
    void lockedCounterOnVirtualThreads_controlledRound_completesMarkedNotFullyControlled() throws Exception {
        Session session = JostleRuntime.newSession(Strategy.CONTROLLED_RANDOM, 1, false);
        Round round = session.openRound(0, Thread.currentThread());
        try (Round.Binding binding = round.bind()) {
            assertEquals(20, Fixtures.call(virtualThreads, "lockedCount"));
        } finally {
            round.end();
        }
        Schedule schedule = round.end().schedule();
        assertTrue(schedule.lostControl().contains("virtual thread"), schedule.describe());
    }

    @Test
    void builderStartWithANullTask_throwsAsWithoutTheAgent() {
        assertThrows(NullPointerException.class, () -> Fixtures.call(virtualThreads, "nullTask"));
    }

    private static RoundReport runInRound(String method, Integer expected) throws Exception {
        Session session = JostleRuntime.newSession(Strategy.NONE, 1, false).detectRaces(true);
        Round round = session.openRound(0, Thread.currentThread());
        try (Round.Binding binding = round.bind()) {
            Object result = Fixtures.call(virtualThreads, method);
            if (expected != null) {
                assertEquals(expected, result, "the fixture computed the wrong value");
            }
        } finally {
            round.end();
        }
        return round.end();
    }
}
