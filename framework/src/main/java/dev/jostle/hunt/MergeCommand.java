package dev.jostle.hunt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code merge [--json OUT] FILE...}: the {@code hunt --json} results of several jobs (the shards of one hunt,
 * typically) as one verdict. Exit status as hunt's: 1 if any found a failure, 0 if none did, 2 for input that
 * cannot be read or does not belong together.
 */
public final class MergeCommand {

    /** The help text, made when asked for (see {@link HuntArguments#usage}). */
    public static String usage() {
        return CommandLines.usage(CommandLines.of(spec(), false));
    }

    private MergeCommand() {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        try {
            CommandSpec spec = spec();
            ParseResult parsed = CommandLines.parse(CommandLines.of(spec, false), argv);
            if (parsed.isUsageHelpRequested()) {
                out.println(usage());
                return HuntCommand.NOTHING_FOUND;
            }
            List<String> words = spec.positionalParameters().get(0).getValue();
            if (words == null || words.isEmpty()) {
                throw new UsageException("no results to merge; give the files hunt --json wrote");
            }
            List<HuntResultFile> results = new ArrayList<>();
            for (String word : words) {
                results.add(HuntResultFile.read(OptionConverters.path("FILE", word)));
            }
            MergedHunts merged = MergedHunts.of(results);
            out.println(merged.summary());
            Path json = parsed.matchedOptionValue("--json", (Path) null);
            if (json != null) {
                write(merged, json);
            }
            return merged.found() ? HuntCommand.FAILURE_FOUND : HuntCommand.NOTHING_FOUND;
        } catch (UsageException bad) {
            err.println("jostle merge: " + bad.getMessage());
            return HuntCommand.USAGE_ERROR;
        }
    }

    /** merge's options: unlike hunt's, they may come after the files, as in {@code merge *.json --json all.json}. */
    public static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("merge");
        spec.usageMessage().customSynopsis("java -jar jostle.jar merge [--json OUT] FILE...")
                .description("Merges the results that hunt --json wrote (one per shard of a hunt, say) into one"
                        + " verdict: found if any found, rounds summed, every failure with its replay line. Shards must"
                        + " all be there, of one hunt.")
                .footer("exit status: 1 a failure was found, 0 none, 2 unreadable or mismatched input");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("0..*").paramLabel("FILE")
                .type(List.class).auxiliaryTypes(String.class).description("a result that hunt --json wrote")
                .build());
        spec.addOption(OptionSpec.builder("--json").paramLabel("OUT").type(Path.class).arity("1")
                .converters(OptionConverters.path("--json")).description("also write the merged result as JSON to OUT")
                .build());
        spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("print this help and exit")
                .build());
        return spec;
    }

    private static void write(MergedHunts merged, Path file) throws UsageException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, merged.toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UsageException("cannot write --json " + file + ": " + unwritable, unwritable);
        }
    }
}
