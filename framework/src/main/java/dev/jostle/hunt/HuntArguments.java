package dev.jostle.hunt;

import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Shard;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Reads {@code hunt [options] MAIN [ARGS...]}. Options come first; the first word that is not an option is
 * MAIN ({@link ProgramMain}), and every word after it belongs to the program, even one that starts with a dash.
 */
public final class HuntArguments {

    /** The help text; made when asked for, since picocli's help classes cost every hunt's start otherwise. */
    public static String usage() {
        return CommandLines.usage(CommandLines.of(spec(), true));
    }

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
        CommandSpec spec = spec();
        ParseResult parsed = CommandLines.parse(CommandLines.of(spec, true), argv);
        if (parsed.isUsageHelpRequested()) {
            throw new HelpRequested();
        }
        String mainWord = spec.positionalParameters().get(0).getValue();
        List<String> args = spec.positionalParameters().get(1).getValue();
        if (mainWord == null) {
            throw new UsageException("no main class given" + CommandLines.seeHelp(spec));
        }
        ProgramMain main = ProgramMain.parse(mainWord);
        args = args == null ? List.of() : args;
        if (!main.isMain() && !args.isEmpty()) {
            throw new UsageException("arguments after " + main + ": only a main(String[]) takes arguments");
        }
        Long seed = parsed.matchedOptionValue("--seed", null);
        Shard shard = parsed.matchedOptionValue("--shard", Shard.WHOLE);
        if (!shard.isWhole() && seed == null) {
            // Each job would draw its own base seed: the shards' seeds would no longer be disjoint by design.
            throw new UsageException("--shard " + shard + " needs --seed: the shards must share a base seed to"
                    + " search disjoint seeds (in CI, the run's number, such as --seed $GITHUB_RUN_ID)");
        }
        int forks = parsed.matchedOptionValue("--forks", 0);
        if (forks > 0 && parsed.hasMatchedOption("--parallel")) {
            throw new UsageException("--parallel with --forks " + forks + ": with forks, one round runs in each fork"
                    + " at a time, " + forks + " at once");
        }
        if (forks == 0 && parsed.hasMatchedOption("--fork-rounds")) {
            throw new UsageException("--fork-rounds without --forks: rounds run in this JVM");
        }
        return new HuntOptions(classPath(parsed.matchedOptionValue("--class-path", ".")),
                parsed.matchedOptionValue("--time", HuntOptions.DEFAULT_TIME),
                parsed.matchedOptionValue("--rounds", 0),
                parsed.matchedOptionValue("--strategy", HuntOptions.DEFAULT_STRATEGY),
                seed == null ? Seeds.random() : seed, shard,
                parsed.matchedOptionValue("--round-timeout", HuntOptions.DEFAULT_ROUND_TIMEOUT),
                parsed.matchedOptionValue("--parallel", Runtime.getRuntime().availableProcessors()), forks,
                parsed.matchedOptionValue("--fork-rounds", Forks.DEFAULT_ROUNDS_PER_FORK),
                parsed.matchedOptionValue("--json", (Path) null), !parsed.hasMatchedOption("--disable-assertions"),
                !parsed.hasMatchedOption("--no-races"),
                parsed.matchedOptionValue("--replays", HuntOptions.DEFAULT_REPLAYS),
                parsed.matchedOptionValue("--fail-on-output", (Pattern) null), main, args);
    }

    /**
     * hunt's options, one a line: name, value, how it is read and what it does. The defaults are
     * {@link HuntOptions}'s, applied by {@link #parse}; the help states them.
     */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("hunt");
        spec.usageMessage().customSynopsis("java -jar jostle.jar hunt [options] MAIN [ARGS...]")
                .description("Runs the program's main round after round under scheduling noise until a round fails.")
                .footer("exit status: 1 a failure was found, 0 none within the budget, 2 usage or setup error");
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("MAIN").type(String.class)
                .description("a class with a main(String[]), Class#method (no arguments; static, or on a fresh"
                        + " instance), or Class#@Test (each JUnit 4 or 5 @Test method in turn, one a round, with"
                        + " @Before/@After)").build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").paramLabel("ARGS")
                .type(List.class).auxiliaryTypes(String.class)
                .description("the program's arguments, passed as they are, even those that start with a dash")
                .build());
        spec.addOption(valued("PATH", String.class, null, "the program's class path (separator '"
                + File.pathSeparator + "'; an empty entry is .; default .)", "--class-path", "-cp"));
        spec.addOption(valued("DURATION", Duration.class, new DurationConverter("--time"),
                "wall-clock budget, such as 500ms, 10s, 2m, 1h (default " + Durations.format(HuntOptions.DEFAULT_TIME)
                        + ")", "--time"));
        spec.addOption(valued("N", Integer.class, OptionConverters.wholeNumber("--rounds", 1),
                "round budget; the hunt ends at whichever budget is spent first", "--rounds"));
        spec.addOption(valued("NAME", Strategy.class, OptionConverters.strategy(), Strategy.knownIds()
                + "; controlled-* run the threads one at a time (default " + HuntOptions.DEFAULT_STRATEGY.id() + ")",
                "--strategy"));
        spec.addOption(valued("N", Long.class, OptionConverters.seed(),
                "base seed; round i runs under seed N + i (default random, printed)", "--seed"));
        spec.addOption(valued("K/N", Shard.class, OptionConverters.shard(),
                "search part K of N of the seed space, one CI job each (needs --seed)", "--shard"));
        spec.addOption(valued("DURATION", Duration.class, new DurationConverter("--round-timeout"),
                "a round running longer is a hang (default " + Durations.format(HuntOptions.DEFAULT_ROUND_TIMEOUT)
                        + ")", "--round-timeout"));
        spec.addOption(valued("N", Integer.class, OptionConverters.wholeNumber("--parallel", 1),
                "rounds run at once (default: available processors)", "--parallel"));
        spec.addOption(valued("N", Integer.class, OptionConverters.wholeNumber("--forks", 0),
                "run the rounds in N child JVMs, each in a fresh temporary directory, N at once (default 0: in this"
                        + " JVM); needs java -jar jostle.jar", "--forks"));
        spec.addOption(valued("K", Integer.class, OptionConverters.wholeNumber("--fork-rounds", 1),
                "a fork is replaced after K rounds, and at once after a failure (default "
                        + Forks.DEFAULT_ROUNDS_PER_FORK + ")", "--fork-rounds"));
        spec.addOption(valued("FILE", Path.class, OptionConverters.path("--json"),
                "also write the result as JSON to FILE", "--json"));
        spec.addOption(flag("do not enable assert in the program's classes (enabled by default)",
                "--disable-assertions"));
        spec.addOption(flag("do not look for data races (looked for by default; reported apart)", "--no-races"));
        spec.addOption(valued("N", Integer.class, OptionConverters.wholeNumber("--replays", 0),
                "replay a failing round's seed N times before reporting it (default " + HuntOptions.DEFAULT_REPLAYS
                        + "; 0: none)", "--replays"));
        spec.addOption(valued("REGEX", Pattern.class, OptionConverters.pattern("--fail-on-output"),
                "a round fails when a line it prints (stdout or stderr) contains a match", "--fail-on-output"));
        spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("print this help and exit")
                .build());
        return spec;
    }

    private static <T> OptionSpec valued(String label, Class<T> type, CommandLine.ITypeConverter<T> converter,
            String description, String... names) {
        OptionSpec.Builder option = OptionSpec.builder(names).paramLabel(label).type(type).arity("1")
                .description(description);
        if (converter != null) {
            option.converters(converter);
        }
        return option.build();
    }

    private static OptionSpec flag(String description, String name) {
        return OptionSpec.builder(name).arity("0").description(description).build();
    }

    /** An empty entry ({@code a.jar:}, {@code ::}, or the whole value empty) is the current directory, as for java. */
    private static List<String> classPath(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator, -1)) {
            entries.add(entry.isEmpty() ? "." : entry);
        }
        return entries;
    }
}
