package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.install.AgentConfig;
import dev.jostle.agent.install.AgentInstaller;
import java.io.StringWriter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor fixture compiled by the Eclipse compiler (ecj), not javac. ecj's handler for a synchronized
 * block keeps the exception on the stack ({@code H: aload L; monitorexit; athrow}) under one catch-all entry
 * that covers the body and H up to its release: it covers itself too, so its release report must move out
 * of it as javac's does, and the blocks must still release and report exactly as javac's.
 */
class EcjBytecodeTests {

    private static final String MONITORS = Fixtures.PACKAGE + "Monitors";

    @TempDir
    static Path classes;
    private static TransformingClassLoader loader;
    private static Class<?> monitorsClass;

    @BeforeAll
    static void compileWithEcj() throws Exception {
        JavaCompiler ecj = new EclipseCompiler();
        StringWriter messages = new StringWriter();
        Path source = Path.of("src/test/java/dev/jostle/fixtures/Monitors.java");
        boolean compiled = ecj.getTask(messages, null, null, List.of("-17", "-g", "-d", classes.toString()), null,
                ecj.getStandardFileManager(null, null, null).getJavaFileObjects(source.toFile())).call();
        assertTrue(compiled, messages.toString());
        loader = new TransformingClassLoader(new URL[] {classes.toUri().toURL()}, name -> name.startsWith(MONITORS),
                AgentInstaller.transformer(AgentConfig.read(null, new Properties())));
        monitorsClass = Class.forName(MONITORS, true, loader);
    }

    @Test
    void ecjsHandlers_coverThemselves_andHoldNoCallOnceInstrumented() throws Exception {
        byte[] original = Files.readAllBytes(classes.resolve("dev/jostle/fixtures/Monitors.class"));
        byte[] ours = loader.instrumented(MONITORS);
        for (String method : List.of("block", "blockThrowing", "nestedBlocksThrowing", "blockThrowingInsideTry",
                "blockAmongWideLocals")) {
            assertTrue(HandlerLayout.of(original, method).selfCoveringHandlers() > 0,
                    method + ": ecj's handler covers itself");
            assertEquals(List.of(), HandlerLayout.of(ours, method).callsInsideSelfCoveringHandlers(), method);
        }
        assertEquals(List.of(), HandlerLayout.methodsRefusedByC1(ours));
    }

    @Test
    void blockThrowing_releasesOnceAndReportsEnterAcquireRelease() throws Exception {
        Object monitors = monitorsClass.getConstructor().newInstance();
        Object lock = new Object();
        RecordingProbe probe = new RecordingProbe().name(lock, "lock");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "blockThrowing", lock)));

        assertEquals("from the block", thrown.getMessage());
        assertFalse(Thread.holdsLock(lock));
        assertEquals(List.of("monitor-enter lock", "after-monitor-enter null", "monitor-exit lock"), kinds(probe));
    }

    @Test
    void nestedBlocksThrowing_releaseInnerThenOuter() throws Exception {
        Object monitors = monitorsClass.getConstructor().newInstance();
        Object outer = new Object();
        Object inner = new Object();
        RecordingProbe probe = new RecordingProbe().name(outer, "outer").name(inner, "inner");

        assertThrows(IllegalStateException.class,
                () -> probe.record(() -> call(monitors, "nestedBlocksThrowing", outer, inner)));

        assertFalse(Thread.holdsLock(outer));
        assertFalse(Thread.holdsLock(inner));
        assertEquals(List.of("monitor-enter outer", "after-monitor-enter null", "monitor-enter inner",
                "after-monitor-enter null", "monitor-exit inner", "monitor-exit outer"), kinds(probe));
    }

    @Test
    void blocksReturningOrCaught_runAsCompiled() throws Exception {
        Object monitors = monitorsClass.getConstructor().newInstance();
        Object lock = new Object();
        RecordingProbe probe = new RecordingProbe().name(lock, "lock");

        Object[] results = (Object[]) probe.record(() -> new Object[] {call(monitors, "block", lock, 4),
                call(monitors, "blockThrowingInsideTry", lock), call(monitors, "blockAmongWideLocals", 10L, 0.5,
                lock, 2)});

        assertEquals(5, results[0]);
        assertEquals(-1, results[1]);
        assertEquals(10 + 3 * 5 + 0.5 * 4, (double) results[2]);
        assertFalse(Thread.holdsLock(lock));
        List<String> kinds = kinds(probe);
        assertEquals(5 * 3, kinds.size(), "five blocks entered and left: " + kinds);
        assertEquals(5, kinds.stream().filter("monitor-exit lock"::equals).count(), kinds.toString());
    }

    /** The recorded events without their sites: ecj numbers lines its own way. */
    private static List<String> kinds(RecordingProbe probe) {
        return probe.lines().stream().map(line -> line.substring(0, line.indexOf(" @")))
                .collect(Collectors.toList());
    }
}
