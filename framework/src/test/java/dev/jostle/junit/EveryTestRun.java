package dev.jostle.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs fixture classes the way a build tool does, through a JUnit launcher that registers its listeners
 * from {@code META-INF/services} (the engine test kit does not run launcher listeners), in this JVM, which
 * Surefire started with {@code -javaagent}. Every-test rounds are switched on for the run: the build turns
 * them off for the project's own tests.
 */
final class EveryTestRun {

    /** Per test method name, how it ended. */
    final Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
    /** The lines Jostle printed, those starting with {@code jostle:}. */
    final List<String> jostleLines;
    final Path reportsDir;

    private EveryTestRun(Path reportsDir, Class<?> fixture, String... keyValues) {
        this.reportsDir = reportsDir;
        Map<String, String> parameters = new HashMap<>();
        parameters.put("jostle.everyTest", "true");
        parameters.put("jostle.reportsDir", reportsDir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        // The listener prints to System.out as it was when JUnit made it, at launcher creation.
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture))
                    .configurationParameters(parameters).build(), new Recorder());
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        original.print(output);
        this.jostleLines = Arrays.stream(output.split("\\R")).filter(line -> line.startsWith("jostle:"))
                .collect(Collectors.toList());
    }

    static EveryTestRun of(Path reportsDir, Class<?> fixture, String... keyValues) {
        return new EveryTestRun(reportsDir, fixture, keyValues);
    }

    TestExecutionResult.Status status(String method) {
        TestExecutionResult result = results.get(method);
        return result == null ? null : result.getStatus();
    }

    String failureMessage(String method) {
        return results.get(method).getThrowable().map(Throwable::getMessage).orElse(null);
    }

    Path reportFile() {
        return reportsDir.resolve("races-by-test.json");
    }

    JsonObject report() throws IOException {
        return JsonParser.parseString(Files.readString(reportFile())).getAsJsonObject();
    }

    private final class Recorder implements TestExecutionListener {
        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest() && test.getSource().orElse(null) instanceof MethodSource) {
                results.put(((MethodSource) test.getSource().get()).getMethodName(), result);
            }
        }
    }
}
