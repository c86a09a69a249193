package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MAIN as {@code Class}, {@code Class#method} or {@code Class#@Test}, read from the command line. */
class ProgramMainTests {

    @Test
    void className_parse_callsMain() throws Exception {
        ProgramMain main = HuntArguments.parse("com.acme.Main", "a", "--b").main();

        assertEquals("com.acme.Main", main.className());
        assertNull(main.method());
        assertTrue(main.isMain());
        assertEquals("com.acme.Main", main.toString());
    }

    @Test
    void classAndMethod_parse_namesTheMethod() throws Exception {
        ProgramMain main = HuntArguments.parse("com.acme.Checks$Inner#run_2").main();

        assertEquals("com.acme.Checks$Inner", main.className());
        assertEquals("run_2", main.method());
        assertFalse(main.isMain());
        assertFalse(main.isTests());
        assertEquals("com.acme.Checks$Inner#run_2", main.toString(), "written back as given, for the replay line");
    }

    @Test
    void classAndAtTest_parse_takesTheTests() throws Exception {
        ProgramMain main = HuntArguments.parse("com.acme.FooTest#@Test").main();

        assertTrue(main.isTests());
        assertEquals("com.acme.FooTest#beta", main.withMethod("beta").toString());
    }

    @Test
    void badMains_parse_sayWhatIsExpected() {
        assertUsage("'com.acme.Foo#' : after '#' comes a method name or @Test", "com.acme.Foo#");
        assertUsage("after '#' comes a method name or @Test", "com.acme.Foo#@Before");
        assertUsage("after '#' comes a method name or @Test", "com.acme.Foo#run()");
        assertUsage("'#run' is not a class name", "#run");
        assertUsage("'com..Foo#run' is not a class name", "com..Foo#run");
    }

    @Test
    void argumentsAfterAMethod_parse_areAUsageError() {
        assertUsage("arguments after com.acme.Checks#run: only a main(String[]) takes arguments",
                "com.acme.Checks#run", "x");
        assertUsage("only a main(String[]) takes arguments", "com.acme.FooTest#@Test", "x");
    }

    @Test
    void usage_namesTheThreeForms() {
        assertTrue(HuntArguments.usage().contains("Class#method") && HuntArguments.usage().contains("Class#@Test"),
                HuntArguments.usage());
        assertEquals(List.of(), List.of(HuntArguments.usage().split("\\R")).stream()
                .filter(line -> line.length() > 110).toList(), "usage lines fit a terminal");
    }

    private static void assertUsage(String expected, String... argv) {
        UsageException bad = assertThrows(UsageException.class, () -> HuntArguments.parse(argv));
        assertTrue(bad.getMessage().contains(expected.replace("' :", "':")), "expected '" + expected + "' in: "
                + bad.getMessage());
        assertFalse(bad.getMessage().contains("\n"), "one line: " + bad.getMessage());
    }
}
