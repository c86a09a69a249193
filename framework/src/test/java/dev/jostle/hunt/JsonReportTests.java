package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.jostle.programs.fixtures.ThrowsItsArguments;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTests {

    /** What a failure message or a program argument may hold that JSON must escape, or must keep as it is. */
    private static final String AWKWARD = "quote \" backslash \\ tab\t newline\n return\r bell\u0007 nul\u0000"
            + " slash / apostrophe ' angle <b>&amp; e-acute \u00e9 cjk \u65e5\u672c emoji \ud83d\ude00"
            + " line-separator \u2028 del \u007f";

    @Test
    void awkwardText_string_readsBackAsItWas() {
        for (String text : List.of("", "plain", AWKWARD, "\ud800 lone surrogate", "\\u0041 not an escape")) {
            String literal = JsonReport.string(text);

            assertEquals(text, JsonParser.parseString(literal).getAsString(), literal);
            assertFalse(literal.chars().anyMatch(c -> c < 0x20), "control characters escaped: " + literal);
        }
    }

    @Test
    void failureWithAwkwardMessageAndArgument_runWithJson_readsBackThroughMerge(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        String argument = "it's \"" + AWKWARD + "\"";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = HuntCommand.run(new String[] {"-cp", TestPrograms.classPath(), "--time", "20s", "--rounds", "3",
            "--parallel", "1", "--replays", "0", "--json", json.toString(), ThrowsItsArguments.class.getName(),
            argument}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(1, status, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        String text = Files.readString(json, StandardCharsets.UTF_8);
        assertFalse(text.contains("\u0007") || text.contains("\u0000"), "raw control characters in: " + text);
        assertTrue(text.contains("cjk \u65e5\u672c emoji \ud83d\ude00"), "non-ASCII written as it is: " + text);
        HuntResultFile read = HuntResultFile.read(json);
        assertEquals("exception in thread \"main\": java.lang.IllegalStateException: " + argument,
                read.text("message"));
        assertTrue(read.text("replay").endsWith(" " + ThrowsItsArguments.class.getName() + " "
                + Replay.quote(argument)), read.text("replay"));
        assertEquals("exception", read.text("kind"));
        assertTrue(read.found());
    }
}
