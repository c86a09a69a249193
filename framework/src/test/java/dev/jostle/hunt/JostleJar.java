package dev.jostle.hunt;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar jostle.jar ...} in a child JVM, as a user would, for the integration tests. */
final class JostleJar {

    /** A hunt that has not ended by then is itself hung: the test fails rather than waiting forever. */
    private static final long PATIENCE_SECONDS = 120;

    private JostleJar() {
    }

    static Path jar() {
        return Path.of(System.getProperty("jostle.jar", "target/jostle.jar"));
    }

    static String testClasses() {
        return System.getProperty("jostle.test.classes", "target/test-classes");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the jar with these arguments (and JVM options before -jar); returns status and output. */
    static Result run(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        return exec(command);
    }

    /** Runs the jar with these arguments in the given working directory. */
    static Result runIn(Path directory, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toAbsolutePath().toString()));
        command.addAll(args);
        return exec(command, directory);
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), List.of(args));
    }

    static Result exec(List<String> command) throws IOException, InterruptedException {
        return exec(command, null);
    }

    static Result exec(List<String> command, Path directory) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jostle-it-out", ".txt");
        Path err = Files.createTempFile("jostle-it-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(directory == null ? null : directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the hunt did not end within " + PATIENCE_SECONDS + " s: " + command
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs a printed command line (a replay line: {@code cd DIR && java ... -jar ...}) through a POSIX shell, as
     * a user pastes it, with this JVM's {@code java} first on the path.
     */
    static Result runLine(String line) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jostle-it-out", ".txt");
        Path err = Files.createTempFile("jostle-it-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", line).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            String bin = Path.of(System.getProperty("java.home"), "bin").toString();
            builder.environment().merge("PATH", bin, (path, first) -> first + File.pathSeparator + path);
            Process process = builder.start();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the line did not end within " + PATIENCE_SECONDS + " s: " + line
                        + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static final class Result {
        final int status;
        final String out;
        final String err;

        Result(int status, String out, String err) {
            this.status = status;
            this.out = out;
            this.err = err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
