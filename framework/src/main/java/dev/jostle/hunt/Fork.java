package dev.jostle.hunt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM of a hunt run with {@code --forks}: {@code java [the hunt's JVM options] -jar jostle.jar fork
 * PORT ...} in a fresh directory of its own, connected back over a loopback socket (see {@link ForkChild}).
 */
final class Fork implements AutoCloseable {

    /** How long a fork may take to start and connect: a JVM with the agent starts in about a second. */
    static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

    /** Lines of a dead fork's stderr shown in its report. */
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final Path directory;
    private final Path errors;
    private int rounds;

    private Fork(Process process, Socket socket, Path directory, Path errors) throws IOException {
        this.process = process;
        this.socket = socket;
        this.directory = directory;
        this.errors = errors;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * Starts a fork that runs the program this command line names.
     *
     * @param command the fork's command line up to its port, then the arguments after it
     * @param startup how long it may take to connect
     */
    static Fork start(List<String> command, List<String> arguments, Duration startup) throws IOException {
        // Under java.io.tmpdir, not the hunt's directory: that may be a source tree or read-only, and a fork
        // killed hard would leave its folder behind there.
        Path directory = Files.createTempDirectory("jostle-fork-");
        // Beside the directory, not in it: the program may list its working directory.
        Path errors = Files.createTempFile("jostle-fork-", ".err");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> line = new ArrayList<>(command);
            line.add(Integer.toString(server.getLocalPort()));
            line.addAll(arguments);
            // stdin is closed (a program that reads it sees its end); stdout is the hunt's, as in-process, where a
            // round's own output is kept apart anyway (see RoundOutput). stderr goes to a file, shown when the
            // fork dies: the JVM's own warnings, repeated by every fork, would bury the hunt's report.
            Process process = new ProcessBuilder(line).directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(errors.toFile())
                    .start();
            Socket socket;
            try {
                socket = acceptFrom(server, process, startup);
            } catch (IOException notConnected) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IOException(notConnected.getMessage() + tail(errors), notConnected);
            }
            socket.setTcpNoDelay(true);
            return new Fork(process, socket, directory, errors);
        } catch (IOException | RuntimeException failed) {
            deleteTree(directory);
            Files.deleteIfExists(errors);
            throw failed;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            deleteTree(directory);
            Files.deleteIfExists(errors);
            throw new IOException("interrupted while the fork started", interrupted);
        }
    }

    /** Accepts the fork's connection, or fails as soon as the fork has died without making it. */
    private static Socket acceptFrom(ServerSocket server, Process process, Duration startup) throws IOException {
        long until = System.nanoTime() + startup.toNanos();
        server.setSoTimeout(200);
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("the fork ended before it connected, with exit status "
                            + process.exitValue());
                }
                if (System.nanoTime() > until) {
                    throw new IOException("the fork did not connect within " + Durations.format(startup));
                }
            }
        }
    }

    /** What the fork wrote to stderr, its last lines, for a report of its death; empty when nothing. */
    String errors() {
        return tail(errors);
    }

    private static String tail(Path errors) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line : Files.readAllLines(errors, java.nio.charset.Charset.defaultCharset())) {
                // Every JVM with an agent on the boot class path says so; it tells nothing about the death.
                if (!line.contains("Sharing is only supported for boot loader classes")) {
                    lines.add(line);
                }
            }
            if (lines.isEmpty()) {
                return "";
            }
            return "; the fork's stderr ended:\n  " + String.join("\n  ",
                    lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    /**
     * Sends the round and waits for its outcome at most {@code patience}.
     *
     * @throws IOException the fork died, or did not answer in time (it is then killed)
     */
    ForkWire.Reply run(ForkWire.Request request, Duration patience) throws IOException {
        rounds++;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, patience.toMillis())));
            ForkWire.writeRequest(out, request);
            return ForkWire.readReply(in);
        } catch (ForkWire.CannotRun cannotRun) {
            throw cannotRun; // the fork said so itself, and ends on its own
        } catch (IOException lost) {
            kill();
            throw lost;
        }
    }

    int rounds() {
        return rounds;
    }

    /** The fork's exit status once it has ended (waiting a moment for it), or null while it runs. */
    Integer exitStatus() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private void kill() {
        process.destroyForcibly();
    }

    /** Asks the fork to stop, kills it if it does not at once, and removes its directory. */
    @Override
    public void close() {
        try {
            ForkWire.writeStop(out);
        } catch (IOException alreadyGone) {
            // it ended already
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing more to say to it
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(directory);
        try {
            Files.deleteIfExists(errors);
        } catch (IOException left) {
            // left behind in the temporary directory
        }
    }

    /** Best effort: what a program left in its directory is not the hunt's to fail over. */
    static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failed) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException left) {
            // left behind in the temporary directory
        }
    }
}
