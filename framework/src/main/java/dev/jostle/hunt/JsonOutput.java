package dev.jostle.hunt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code --json} file, opened before the first round and kept open until the result is in it: a program
 * that uses up the process's file descriptors must not leave the hunt without one for its result. A file that
 * cannot be opened is a usage error before any round runs, not a surprise after the hunt.
 */
final class JsonOutput implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private boolean written;

    private JsonOutput(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static JsonOutput open(Path file) throws UsageException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new JsonOutput(file, FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException | RuntimeException unwritable) {
            throw new UsageException("cannot write --json " + file + ": " + unwritable, unwritable);
        }
    }

    Path file() {
        return file;
    }

    void write(String json) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        channel.truncate(0);
        channel.position(0);
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        written = true;
    }

    /** Closes the file; one that never got a result (the hunt could not run) is removed, not left empty. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the bytes were written (or never were): closing has nothing left to lose
        }
        if (!written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an empty file is left: merge names it as not JSON
            }
        }
    }
}
