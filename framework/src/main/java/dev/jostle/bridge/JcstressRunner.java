package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Runs jcstress as a separate process ({@code org.openjdk.jcstress.Main}) on the caller's class path and
 * reads its results back. A process of its own because jcstress's main keeps global state, writes its
 * results file into the working directory, and is best killed as a whole when it overruns.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JcstressRunner {

    private JcstressRunner() {
    }

    /**
     * Runs the tests {@code settings} select and waits for them.
     *
     * @throws IllegalStateException when jcstress fails to start, exits with an error, overruns the timeout, or
     *     leaves no results file; the message names the log to read
     */
    public static JcstressRun run(JcstressSettings settings) {
        Path runDir = newRunDirectory(settings.workDir());
        Path log = runDir.resolve("jcstress.log");
        Path report = runDir.resolve("report");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(classPath());
        command.add("org.openjdk.jcstress.Main");
        command.addAll(settings.mainArguments(report.toAbsolutePath()));
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(runDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException failed) {
            throw new IllegalStateException("could not start jcstress: " + command, failed);
        }
        boolean finished;
        try {
            finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("jcstress (" + settings + ") did not finish within "
                    + settings.timeout().toSeconds() + " s and was killed; its output so far: " + log);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("jcstress (" + settings + ") exited with " + process.exitValue()
                    + "; its output: " + log);
        }
        Path results = resultsFile(runDir)
                .orElseThrow(() -> new IllegalStateException("jcstress (" + settings + ") wrote no results file into "
                        + runDir + "; its output: " + log));
        List<JcstressResult> parsed = JcstressResultsFile.read(results);
        return new JcstressRun(settings, parsed, log.toAbsolutePath(), report.resolve("index.html").toAbsolutePath(),
                elapsed);
    }

    /**
     * The caller's class path. Surefire starts tests from a manifest-only jar and names the real class
     * path in {@code surefire.test.class.path}; jcstress forks its test VMs with its own class path, so it
     * gets the real one.
     */
    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            return surefire;
        }
        return System.getProperty("java.class.path");
    }

    private static java.util.Optional<Path> resultsFile(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("jcstress-results-")
                    && f.getFileName().toString().endsWith(".bin.gz")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newRunDirectory(Path workDir) {
        try {
            Files.createDirectories(workDir);
            for (int i = 1; ; i++) {
                Path dir = workDir.resolve("run-" + i);
                if (!Files.exists(dir)) {
                    try {
                        return Files.createDirectory(dir);
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another run in this directory took the number first; try the next
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a jcstress run directory under " + workDir
                    + File.separator, e);
        }
    }
}
