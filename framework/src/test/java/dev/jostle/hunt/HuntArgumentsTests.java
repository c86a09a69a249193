package dev.jostle.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.Strategy;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HuntArgumentsTests {

    @Test
    void onlyAMainClass_parse_usesTheDocumentedDefaults() throws Exception {
        HuntOptions options = HuntArguments.parse("com.acme.Main");

        assertEquals("com.acme.Main", options.main().toString());
        assertEquals(List.of("."), options.classPath());
        assertEquals(Duration.ofSeconds(10), options.time());
        assertEquals(0, options.rounds());
        assertEquals(Strategy.MIXED, options.strategy());
        assertEquals(Duration.ofSeconds(5), options.roundTimeout());
        assertEquals(Runtime.getRuntime().availableProcessors(), options.parallel());
        assertNull(options.json());
        assertTrue(options.assertions());
        assertEquals(5, options.replays());
        assertEquals(0, options.forks(), "rounds run in this JVM unless forks are asked for");
        assertEquals(List.of(), options.args());
    }

    @Test
    void forks_parse_runOneRoundPerForkAtOnce() throws Exception {
        HuntOptions options = HuntArguments.parse("--forks", "3", "--fork-rounds", "50", "Main");

        assertEquals(3, options.forks());
        assertEquals(3, options.atOnce());
        assertEquals(50, options.roundsPerFork());
        assertEquals(Forks.DEFAULT_ROUNDS_PER_FORK, HuntArguments.parse("--forks", "1", "Main").roundsPerFork());
    }

    @Test
    void forksWithParallelOrForkRoundsAlone_parse_sayWhy() {
        assertUsage("--parallel with --forks 2: with forks, one round runs in each fork at a time", "--forks", "2",
                "--parallel", "4", "Main");
        assertUsage("--fork-rounds without --forks", "--fork-rounds", "5", "Main");
        assertUsage("--forks '-1': expected a whole number of at least 0", "--forks", "-1", "Main");
    }

    @Test
    void everyOption_parse_readsEachOne() throws Exception {
        HuntOptions options = HuntArguments.parse("--class-path", "a" + File.pathSeparator + "b.jar", "--time", "2m",
                "--rounds", "7", "--strategy", "pct", "--seed", "-42", "--round-timeout", "500ms", "--parallel", "3",
                "--json", "out/r.json", "--disable-assertions", "--replays", "0", "com.acme.Main", "x", "--time", "y");

        assertEquals(List.of("a", "b.jar"), options.classPath());
        assertEquals(Duration.ofMinutes(2), options.time());
        assertEquals(7, options.rounds());
        assertEquals(Strategy.PCT, options.strategy());
        assertEquals(-42, options.seed());
        assertEquals(Duration.ofMillis(500), options.roundTimeout());
        assertEquals(3, options.parallel());
        assertEquals(Path.of("out/r.json"), options.json());
        assertFalse(options.assertions());
        assertEquals(0, options.replays());
        assertEquals(List.of("x", "--time", "y"), options.args(), "words after the main class are the program's");
    }

    @Test
    void shortClassPathAndInlineValues_parse_readsThem() throws Exception {
        HuntOptions options = HuntArguments.parse("-cp", "lib", "--strategy=halt-one", "--seed=5", "Main");

        assertEquals(List.of("lib"), options.classPath());
        assertEquals(Strategy.HALT_ONE, options.strategy());
        assertEquals(5, options.seed());
    }

    @Test
    void noSeed_parse_drawsADifferentSeedEachTime() throws Exception {
        long first = HuntArguments.parse("Main").seed();
        long second = HuntArguments.parse("Main").seed();

        assertTrue(first != second, "two random seeds in a row were equal: " + first);
    }

    @Test
    void unknownOption_parse_namesIt() {
        assertUsage("unknown option '--tiem'", "--tiem", "10s", "Main");
    }

    @Test
    void badDuration_parse_namesOptionAndValue() {
        assertUsage("--time '10x'", "--time", "10x", "Main");
        assertUsage("--round-timeout '-1s'", "--round-timeout", "-1s", "Main");
    }

    @Test
    void badNumbers_parse_nameOptionAndValue() {
        assertUsage("--rounds '0'", "--rounds", "0", "Main");
        assertUsage("--parallel 'many'", "--parallel", "many", "Main");
        assertUsage("--seed 'x'", "--seed", "x", "Main");
        assertUsage("--replays '-1': expected a whole number of at least 0", "--replays", "-1", "Main");
    }

    @Test
    void unknownStrategy_parse_listsTheKnownOnes() {
        UsageException bad = assertUsage("--strategy 'chaos'", "--strategy", "chaos", "Main");

        assertTrue(bad.getMessage().contains("none, random, pct, halt-one, targeted, mixed"), bad.getMessage());
    }

    @Test
    void optionWithoutValue_parse_saysItNeedsOne() {
        assertUsage("--time needs a value", "--time");
        assertUsage("--json needs a value", "--json");
    }

    @Test
    void noMainClass_parse_saysSo() {
        assertUsage("no main class given", "--time", "1s");
    }

    @Test
    void notAClassName_parse_saysSo() {
        assertUsage("'build/classes' is not a class name", "build/classes");
    }

    @Test
    void emptyClassPathEntries_parse_meanTheCurrentDirectoryAsForJava() throws Exception {
        String sep = File.pathSeparator;

        assertEquals(List.of("a.jar", "."), HuntArguments.parse("-cp", "a.jar" + sep, "Main").classPath());
        assertEquals(List.of("a", ".", "b"), HuntArguments.parse("-cp", "a" + sep + sep + "b", "Main").classPath());
        assertEquals(List.of(".", "."), HuntArguments.parse("--class-path", sep, "Main").classPath());
        assertEquals(List.of("."), HuntArguments.parse("-cp", "", "Main").classPath());
    }

    @Test
    void help_parse_asksForTheUsage() {
        assertThrows(HuntArguments.HelpRequested.class, () -> HuntArguments.parse("--help"));
    }

    @Test
    void programWordsThatLookLikeOptionsOrArgumentFiles_parse_reachTheProgramUntouched() throws Exception {
        HuntOptions options = HuntArguments.parse("--seed", "1", "Main", "--help", "@args.txt", "--", "-cp", "",
                "--seed=2");

        assertEquals(List.of("--help", "@args.txt", "--", "-cp", "", "--seed=2"), options.args());
        assertEquals(1, options.seed(), "options after MAIN are the program's, not hunt's");
    }

    @Test
    void optionGivenTwice_parse_theLastOneCounts() throws Exception {
        HuntOptions options = HuntArguments.parse("--time", "1s", "--rounds", "3", "--time", "2m", "Main");

        assertEquals(Duration.ofMinutes(2), options.time());
    }

    @Test
    void valueThatLooksLikeAnOption_parse_isTheOptionsValue() throws Exception {
        assertEquals("--verbose", HuntArguments.parse("--fail-on-output", "--verbose", "Main").failOnOutput()
                .pattern());
        assertUsage("--time '--rounds': not a duration", "--time", "--rounds", "3", "Main");
    }

    @Test
    void misspeltOption_parse_namesTheNearestAndTheHelp() {
        UsageException bad = assertUsage("unknown option '--round-timout' (did you mean ", "--round-timout", "1s",
                "Main");

        assertTrue(bad.getMessage().contains("--round-timeout?)"), bad.getMessage());
        assertTrue(bad.getMessage().endsWith("; see 'java -jar jostle.jar hunt --help'"), bad.getMessage());
    }

    @Test
    void flagWithAValue_parse_isAUsageError() {
        assertUsage("--no-races", "--no-races=false", "Main");
        assertUsage("--disable-assertions", "--disable-assertions=true", "Main");
    }

    @Test
    void everyUsageError_parse_isOneLine() {
        List<String[]> bad = List.of(new String[] {"--tiem", "1s", "Main"}, new String[] {"--time"},
                new String[] {"--no-races=x", "Main"}, new String[] {"--fail-on-output", "(", "Main"},
                new String[] {"--seed", "x", "Main"}, new String[] {}, new String[] {"--shard", "2/4", "Main"});
        for (String[] argv : bad) {
            UsageException error = assertThrows(UsageException.class, () -> HuntArguments.parse(argv),
                    String.join(" ", argv));
            assertFalse(error.getMessage().contains("\n") || error.getMessage().contains("\r"), error.getMessage());
        }
    }

    @Test
    void usage_listsEveryOptionWithItsValueAsTyped() {
        for (String option : List.of("--class-path PATH", "-cp", "--time DURATION", "--rounds N", "--strategy NAME",
                "--seed N", "--shard K/N", "--round-timeout DURATION", "--parallel N", "--forks N", "--fork-rounds K",
                "--json FILE", "--disable-assertions", "--no-races", "--replays N", "--fail-on-output REGEX",
                "--help")) {
            assertTrue(HuntArguments.usage().contains(option), option + " in " + HuntArguments.usage());
        }
        assertTrue(HuntArguments.usage().contains("(default 10s)") && HuntArguments.usage().contains("(default 5s)")
                && HuntArguments.usage().contains("(default mixed)"), HuntArguments.usage());
    }

    private static UsageException assertUsage(String expected, String... argv) {
        UsageException bad = assertThrows(UsageException.class, () -> HuntArguments.parse(argv));
        assertTrue(bad.getMessage().contains(expected), "expected '" + expected + "' in: " + bad.getMessage());
        return bad;
    }
}
