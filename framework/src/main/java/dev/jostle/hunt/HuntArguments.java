package dev.jostle.hunt;

import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Shard;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code hunt [options] MAIN [ARGS...]}. Options come first; the first word that is not an option is
 * MAIN ({@link ProgramMain}), and every word after it belongs to the program, even one that starts with a dash.
 */
public final class HuntArguments {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar jostle.jar hunt [options] MAIN [ARGS...]",
            "Runs the program's main round after round under scheduling noise until a round fails.",
            "MAIN: a class with a main(String[]), Class#method (no arguments; static, or on a fresh instance),",
            "  or Class#@Test (each JUnit 4 or 5 @Test method in turn, one a round, with @Before/@After)",
            "options:",
            "  --class-path, -cp PATH   the program's class path (separator '" + File.pathSeparator
                    + "'; an empty entry is .; default .)",
            "  --time DURATION          wall-clock budget, such as 500ms, 10s, 2m, 1h (default 10s)",
            "  --rounds N               round budget; the hunt ends at whichever budget is spent first",
            "  --strategy NAME          " + Strategy.knownIds(),
            "                           (default mixed; controlled-* run the threads one at a time)",
            "  --seed N                 base seed; round i runs under seed N + i (default random, printed)",
            "  --shard K/N              search part K of N of the seed space, one CI job each (needs --seed)",
            "  --round-timeout DURATION a round running longer is a hang (default 5s)",
            "  --parallel N             rounds run at once (default: available processors)",
"  --forks N                run the rounds in N child JVMs, each in a fresh temporary directory, N at once",
            "                           (default 0: in this JVM); needs java -jar jostle.jar",
            "  --fork-rounds K          a fork is replaced after K rounds, and at once after a failure (default "
                    + Forks.DEFAULT_ROUNDS_PER_FORK + ")",
            "  --json FILE              also write the result as JSON to FILE",
            "  --disable-assertions     do not enable assert in the program's classes (enabled by default)",
            "  --no-races               do not look for data races (looked for by default; reported apart)",
            "  --replays N              replay a failing round's seed N times before reporting it (default 5; 0: none)",
            "  --fail-on-output REGEX   a round fails when a line it prints (stdout or stderr) contains a match",
            "exit status: 1 a failure was found, 0 none within the budget, 2 usage or setup error");

    /** Thrown for {@code --help}: not an error, the caller prints the usage and exits 0. */
    public static final class HelpRequested extends Exception {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private HuntArguments() {
    }

    public static HuntOptions parse(String... argv) throws UsageException, HelpRequested {
        List<String> classPath = List.of(".");
        Duration time = HuntOptions.DEFAULT_TIME;
        int rounds = 0;
        Strategy strategy = HuntOptions.DEFAULT_STRATEGY;
        Long seed = null;
        Shard shard = Shard.WHOLE;
        Duration roundTimeout = HuntOptions.DEFAULT_ROUND_TIMEOUT;
        int parallel = Runtime.getRuntime().availableProcessors();
        boolean parallelGiven = false;
        int forks = 0;
        Integer roundsPerFork = null;
        Path json = null;
        boolean assertions = true;
        boolean races = true;
        int replays = HuntOptions.DEFAULT_REPLAYS;
        Pattern failOnOutput = null;

        int i = 0;
        while (i < argv.length && argv[i].startsWith("-")) {
            String word = argv[i++];
            String name = word;
            String inline = null;
            int eq = word.indexOf('=');
            if (word.startsWith("--") && eq > 0) {
                name = word.substring(0, eq);
                inline = word.substring(eq + 1);
            }
            switch (name) {
                case "--help":
                case "-h":
                    throw new HelpRequested();
                case "--disable-assertions":
                    if (inline != null) {
                        throw new UsageException("--disable-assertions takes no value: " + word);
                    }
                    assertions = false;
                    continue;
                case "--no-races":
                    if (inline != null) {
                        throw new UsageException("--no-races takes no value: " + word);
                    }
                    races = false;
                    continue;
                default:
                    break;
            }
            String value = inline;
            if (value == null) {
                if (!isValued(name)) {
                    throw new UsageException("unknown option '" + word + "'" + hint());
                }
                if (i == argv.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = argv[i++];
            }
            switch (name) {
                case "--class-path":
                case "-cp":
                    classPath = classPath(value);
                    break;
                case "--time":
                    time = Durations.parse(name, value);
                    break;
                case "--rounds":
                    rounds = positiveInt(name, value);
                    break;
                case "--strategy":
                    try {
                        strategy = Strategy.fromId(value);
                    } catch (IllegalArgumentException unknown) {
                        throw new UsageException("--strategy " + Durations.quote(value) + ": " + unknown.getMessage());
                    }
                    break;
                case "--seed":
                    seed = seed(value);
                    break;
                case "--shard":
                    shard = shard(value);
                    break;
                case "--round-timeout":
                    roundTimeout = Durations.parse(name, value);
                    break;
                case "--parallel":
                    parallel = positiveInt(name, value);
                    parallelGiven = true;
                    break;
                case "--forks":
                    forks = nonNegativeInt(name, value);
                    break;
                case "--fork-rounds":
                    roundsPerFork = positiveInt(name, value);
                    break;
                case "--json":
                    json = path(name, value);
                    break;
                case "--replays":
                    replays = nonNegativeInt(name, value);
                    break;
                case "--fail-on-output":
                    failOnOutput = pattern(name, value);
                    break;
                default:
                    throw new UsageException("unknown option '" + word + "'" + hint());
            }
        }
        if (i == argv.length) {
            throw new UsageException("no main class given" + hint());
        }
        ProgramMain main = ProgramMain.parse(argv[i++]);
        List<String> args = Arrays.asList(argv).subList(i, argv.length);
        if (!main.isMain() && !args.isEmpty()) {
            throw new UsageException("arguments after " + main + ": only a main(String[]) takes arguments");
        }
        if (!shard.isWhole() && seed == null) {
            // Each job would draw its own base seed: the shards' seeds would no longer be disjoint by design.
            throw new UsageException("--shard " + shard + " needs --seed: the shards must share a base seed to"
                    + " search disjoint seeds (in CI, the run's number, such as --seed $GITHUB_RUN_ID)");
        }
        if (forks > 0 && parallelGiven) {
            throw new UsageException("--parallel with --forks " + forks + ": with forks, one round runs in each fork"
                    + " at a time, " + forks + " at once");
        }
        if (forks == 0 && roundsPerFork != null) {
            throw new UsageException("--fork-rounds without --forks: rounds run in this JVM");
        }
        return new HuntOptions(classPath, time, rounds, strategy, seed == null ? Seeds.random() : seed, shard,
                roundTimeout, parallel, forks, roundsPerFork == null ? Forks.DEFAULT_ROUNDS_PER_FORK : roundsPerFork,
                json, assertions, races, replays, failOnOutput, main, args);
    }

    private static boolean isValued(String name) {
        switch (name) {
            case "--class-path":
            case "-cp":
            case "--time":
            case "--rounds":
            case "--strategy":
            case "--seed":
            case "--shard":
            case "--round-timeout":
            case "--parallel":
            case "--forks":
            case "--fork-rounds":
            case "--json":
            case "--replays":
            case "--fail-on-output":
                return true;
            default:
                return false;
        }
    }

    /** An empty entry ({@code a.jar:}, {@code ::}, or the whole value empty) is the current directory, as for java. */
    private static List<String> classPath(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator, -1)) {
            entries.add(entry.isEmpty() ? "." : entry);
        }
        return entries;
    }

    private static int positiveInt(String option, String value) throws UsageException {
        return wholeNumber(option, value, 1);
    }

    private static int nonNegativeInt(String option, String value) throws UsageException {
        return wholeNumber(option, value, 0);
    }

    private static int wholeNumber(String option, String value, int least) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(option + " " + Durations.quote(value) + ": expected a whole number of at least "
                + least);
    }

    private static long seed(String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new UsageException("--seed " + Durations.quote(value) + ": expected a whole number (a long)");
        }
    }

    private static Shard shard(String value) throws UsageException {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException bad) {
            throw new UsageException("--shard " + Durations.quote(value) + ": " + bad.getMessage());
        }
    }

    /** A regular expression, or a one-line reason: PatternSyntaxException's own message spans three lines. */
    private static Pattern pattern(String option, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException(option + " '': an empty pattern would match every line");
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException bad) {
            throw new UsageException(option + " " + Durations.quote(value) + ": not a regular expression: "
                    + bad.getDescription() + (bad.getIndex() >= 0 ? " at index " + bad.getIndex() : ""));
        }
    }

    private static Path path(String option, String value) throws UsageException {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty");
            }
            return Path.of(value);
        } catch (InvalidPathException bad) {
            throw new UsageException(option + " " + Durations.quote(value) + ": not a file name");
        }
    }

    private static String hint() {
        return "; see 'java -jar jostle.jar hunt --help'";
    }
}
