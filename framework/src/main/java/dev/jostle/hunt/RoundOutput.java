package dev.jostle.hunt;

import dev.jostle.agent.bootstrap.Probe;
import dev.jostle.agent.bootstrap.Probes;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps the program's console output per round. A hunt runs a program thousands of times, often several
 * rounds at once: echoing all of it would bury the report and slow the rounds. Output of the threads bound
 * to a round goes to that round's buffer (shown when the round fails); output of threads a finished round
 * left behind is dropped; everything else (the hunt's own messages) goes to the console as usual. With
 * {@code --fail-on-output}, each round's lines are matched as they are written, so a match is found however
 * much output follows it.
 */
final class RoundOutput implements AutoCloseable {

    /** The most kept per round: the end of a failing round's output is what explains it. */
    static final int LIMIT = 64 * 1024;

    private static final int OUT = 0;
    private static final int ERR = 1;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final Charset charset;
    private final Pattern failOn;
    private final Map<Probe, Capture> captures = new ConcurrentHashMap<>();

    private RoundOutput(PrintStream out, PrintStream err, Charset charset, Pattern failOn) {
        this.originalOut = out;
        this.originalErr = err;
        this.charset = charset;
        this.failOn = failOn;
    }

    /**
     * Routes {@code System.out} and {@code System.err} through round buffers until {@link #close()}.
     *
     * @param failOn each round's lines are matched against it (see {@link Capture#match()}); null for none
     */
    static RoundOutput install(Pattern failOn) {
        Charset charset = charsetOf(System.out);
        RoundOutput output = new RoundOutput(System.out, System.err, charset, failOn);
        System.setOut(new PrintStream(output.new Router(output.originalOut, OUT), true, charset));
        System.setErr(new PrintStream(output.new Router(output.originalErr, ERR), true, charset));
        return output;
    }

    private static Charset charsetOf(PrintStream stream) {
        try {
            // PrintStream.charset() exists from JDK 18; on 17 System.out uses the default charset.
            return (Charset) PrintStream.class.getMethod("charset").invoke(stream);
        } catch (ReflectiveOperationException | RuntimeException older) {
            return Charset.defaultCharset();
        }
    }

    /** Starts capturing the current thread's round: call from a thread bound to the round. */
    Capture attach() {
        Probe probe = Probes.current();
        Capture capture = new Capture(probe);
        if (probe != null) {
            captures.put(probe, capture);
        }
        return capture;
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** One round's output, the last {@link #LIMIT} bytes of it, and its first line that matches. */
    final class Capture {
        private final Probe probe;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;
        /** Per stream, so that a line half written to stdout is not ended by stderr's line break. */
        private final OutputLines[] lines;
        private OutputLines.Match match;

        private Capture(Probe probe) {
            this.probe = probe;
            this.lines = failOn == null ? null : new OutputLines[] {
                new OutputLines(failOn, "stdout", charset), new OutputLines(failOn, "stderr", charset)};
        }

        synchronized void write(int stream, byte[] data, int offset, int length) {
            if (lines != null && match == null) {
                // Scanned as it comes: the buffer keeps only the end of the output, a verdict may come first.
                match = lines[stream].feed(data, offset, length);
            }
            bytes.write(data, offset, length);
            if (bytes.size() > 2 * LIMIT) {
                byte[] all = bytes.toByteArray();
                bytes.reset();
                bytes.write(all, all.length - LIMIT, LIMIT);
                truncated = true;
            }
        }

        /** Stops capturing; later output of the round's leftover threads is dropped. Returns what was kept. */
        synchronized String detach() {
            if (probe != null) {
                captures.remove(probe);
            }
            for (int stream = 0; lines != null && match == null && stream < lines.length; stream++) {
                match = lines[stream].finish();
            }
            byte[] all = bytes.toByteArray();
            int from = Math.max(0, all.length - LIMIT);
            String text = new String(all, from, all.length - from, charset);
            return (truncated || from > 0 ? "[... earlier output left out ...]\n" : "") + text;
        }

        /** The first line of the round's output that contains a match of the pattern; null if none (yet). */
        synchronized OutputLines.Match match() {
            return match;
        }
    }

    /** Sends a write to the round the writing thread belongs to, or to the console. */
    private final class Router extends OutputStream {
        private final PrintStream console;
        private final int stream;

        Router(PrintStream console, int stream) {
            this.console = console;
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            Probe probe = Probes.current();
            if (probe == null) {
                console.write(data, offset, length);
                return;
            }
            Capture capture = captures.get(probe);
            if (capture != null) {
                capture.write(stream, data, offset, length);
            }
        }

        @Override
        public void flush() {
            console.flush();
        }
    }
}
