package dev.jostle.hunt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * Cuts one stream of a round's output into lines and finds the first that contains a match of
 * {@code --fail-on-output}. Lines are cut at the byte {@code '\n'} (the same in every charset a console
 * uses), so a character split between two writes is decoded whole. A line longer than
 * {@link RoundOutput#LIMIT} bytes is matched on its first {@code LIMIT} bytes.
 */
final class OutputLines {

    /**
     * The first matching line of a round's output.
     *
     * @param stream "stdout" or "stderr"
     * @param line   the line, without its line break
     * @param thread the name of the thread that ended the line
     */
    record Match(String stream, String line, String thread) {
    }

    private final Pattern pattern;
    private final String stream;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String writer;

    OutputLines(Pattern pattern, String stream, Charset charset) {
        this.pattern = pattern;
        this.stream = stream;
        this.charset = charset;
    }

    /** Takes the next bytes of the stream; returns the first line they complete that matches, or null. */
    Match feed(byte[] data, int offset, int length) {
        writer = Thread.currentThread().getName();
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (data[i] == '\n') {
                append(data, start, i - start);
                start = i + 1;
                Match match = endLine();
                if (match != null) {
                    return match;
                }
            }
        }
        append(data, start, end - start);
        return null;
    }

    /** The stream ended: its last line counts even without a line break ({@code print("Bug found")}). */
    Match finish() {
        return line.size() == 0 ? null : endLine();
    }

    private void append(byte[] data, int offset, int length) {
        int room = RoundOutput.LIMIT - line.size();
        line.write(data, offset, Math.min(room, length));
    }

    private Match endLine() {
        String text = new String(line.toByteArray(), charset);
        line.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            if (pattern.matcher(text).find()) {
                return new Match(stream, text, writer);
            }
        } catch (RuntimeException | StackOverflowError unmatchable) {
            // The program is inside println here: a pattern that cannot be run on this line must not throw at it.
        }
        return null;
    }
}
