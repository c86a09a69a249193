package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OutputLinesTests {

    private final OutputLines lines = new OutputLines(Pattern.compile("Bug|fäil"), "stdout", StandardCharsets.UTF_8);

    @Test
    void lineWrittenInPieces_feed_matchesWhenItEnds() {
        assertNull(feed("all good\nthe B"));
        OutputLines.Match match = feed("ug is here\r\nmore");

        assertEquals("the Bug is here", match.line(), "matched whole, without its CR LF");
        assertEquals("stdout", match.stream());
        assertEquals(Thread.currentThread().getName(), match.thread());
    }

    @Test
    void characterSplitBetweenWrites_feed_isDecodedWhole() {
        byte[] bytes = "we fäil\n".getBytes(StandardCharsets.UTF_8);
        int split = 5; // inside the two bytes of 'ä'

        assertNull(lines.feed(bytes, 0, split));
        assertEquals("we fäil", lines.feed(bytes, split, bytes.length - split).line());
    }

    @Test
    void lastLineWithoutLineBreak_finish_matchesIt() {
        assertNull(feed("Bug found"));

        assertEquals("Bug found", lines.finish().line());
    }

    @Test
    void matchOnlyAfterTheLimit_feed_matchesOnTheLinesFirstBytesOnly() {
        String longLine = "x".repeat(RoundOutput.LIMIT) + " Bug\n";

        assertNull(feed(longLine), "a line is matched on its first LIMIT bytes");
        assertEquals("Bug", feed("Bug\n").line(), "the next line starts afresh");
    }

    private OutputLines.Match feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return lines.feed(bytes, 0, bytes.length);
    }
}
