package dev.jostle.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JostleMainTests {

    @Test
    void help_jar_listsTheUsersCommandsAndExits0() {
        Run run = jostle("--help");

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.startsWith("usage: java -jar jostle.jar COMMAND"), run.out);
        assertTrue(run.out.contains("  hunt ") && run.out.contains("  merge "), run.out);
        assertFalse(run.out.contains("fork"), "a hunt starts forks, a user does not: " + run.out);
        assertEquals(run.out, jostle("help").out);
    }

    @Test
    void helpOfEachCommand_jar_printsItsUsageAndExits0() {
        assertTrue(jostle("hunt", "--help").out.startsWith("usage: java -jar jostle.jar hunt [options] MAIN"));
        assertTrue(jostle("merge", "-h").out.startsWith("usage: java -jar jostle.jar merge [--json OUT] FILE..."));
        Run fork = jostle("fork", "--help");
        assertEquals(0, fork.status, fork.toString());
        assertTrue(fork.err.startsWith("usage: java -jar jostle.jar fork PORT"), fork.toString());
        assertEquals("", fork.out, "a fork's stdout is its program's");
    }

    @Test
    void version_jar_printsOneLineAndExits0() {
        Run run = jostle("--version");

        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.startsWith("jostle "), run.out);
        assertEquals(1, run.out.lines().count(), run.out);
    }

    @Test
    void misspeltCommand_jar_exits2WithOneLineNamingTheNearestAndTheHelp() {
        Run run = jostle("hnt", "Main");

        assertEquals(2, run.status, run.toString());
        assertEquals("jostle: unknown command 'hnt' (did you mean hunt?); see 'java -jar jostle.jar --help'",
                run.err.strip());
    }

    @Test
    void usageErrorInACommand_jar_exits2WithOneLinePointingAtItsHelp() {
        Run hunt = jostle("hunt", "--rounds", "0", "Main");
        Run merge = jostle("merge", "--jsn", "out.json");
        Run fork = jostle("fork", "port");

        assertEquals(2, hunt.status, hunt.toString());
        assertEquals("jostle hunt: --rounds '0': expected a whole number of at least 1", hunt.err.strip());
        assertEquals(2, merge.status, merge.toString());
        assertEquals("jostle merge: unknown option '--jsn' (did you mean --json?); see"
                + " 'java -jar jostle.jar merge --help'", merge.err.strip());
        assertEquals(2, fork.status, fork.toString());
        assertEquals("jostle fork: PORT 'port': expected a whole number of at least 1", fork.err.strip());
    }

    @Test
    void noCommand_jar_exits2WithTheUsage() {
        Run run = jostle();

        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.startsWith("usage: java -jar jostle.jar COMMAND"), run.err);
    }

    @Test
    void completion_jar_printsABashScriptForEveryCommandAndOption(@TempDir Path dir) throws Exception {
        Run run = jostle("completion");

        assertEquals(0, run.status, run.toString());
        for (String word : List.of("hunt", "merge", "--round-timeout", "--fail-on-output", "--class-path", "--json")) {
            assertTrue(run.out.contains(word), word + " in the script");
        }
        Path script = dir.resolve("jostle-completion.bash");
        Files.writeString(script, run.out);
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String complaints = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), "bash -n: " + complaints);
        assertEquals(2, jostle("completion", "zsh").status, "no other shells");
    }

    private static Run jostle(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JostleMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
