package dev.jostle.tools;

import dev.jostle.hunt.CommandLines;
import dev.jostle.hunt.ForkChild;
import dev.jostle.hunt.HuntArguments;
import dev.jostle.hunt.HuntCommand;
import dev.jostle.hunt.MergeCommand;
import dev.jostle.hunt.UsageException;
import java.io.PrintStream;
import java.util.Arrays;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar jostle.jar COMMAND ...}: the command-line entry point. Each command reads its own words (hunt
 * passes MAIN's to the program untouched); the words before a command are jostle.jar's own.
 */
public final class JostleMain {

    private JostleMain() {
    }

    public static void main(String[] args) {
        // Explicit exit: threads a failed round left behind must not keep the JVM alive.
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(usage());
            return HuntCommand.USAGE_ERROR;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "hunt":
                return HuntCommand.run(rest, out, err);
            case "merge":
                return MergeCommand.run(rest, out, err);
            case "fork":
                return ForkChild.run(rest, err);
            case "help":
                out.println(usage());
                return HuntCommand.NOTHING_FOUND;
            case "completion":
                return completion(rest, out, err);
            default:
                return own(args, out, err);
        }
    }

    /** The help text, made when asked for: a hunt's start should not pay for every command's help. */
    static String usage() {
        return CommandLines.usage(commandLine());
    }

    /** jostle.jar's own options, or a word that is no command. */
    private static int own(String[] args, PrintStream out, PrintStream err) {
        CommandLine command = commandLine();
        try {
            ParseResult parsed = CommandLines.parse(command, args);
            if (parsed.isVersionHelpRequested()) {
                out.println(CommandLines.TOP + " " + version());
            } else {
                out.println(usage());
            }
            return HuntCommand.NOTHING_FOUND;
        } catch (UsageException bad) {
            err.println("jostle: " + bad.getMessage());
            return HuntCommand.USAGE_ERROR;
        }
    }

    /**
     * A bash completion script for the commands and their options, for {@code alias jostle='java -jar jostle.jar'}
     * then {@code source <(jostle completion)}. Not listed in the help: docs/hunt.md tells how to use it.
     */
    private static int completion(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("jostle completion: takes no arguments, it prints a bash script: source <(jostle completion)");
            return HuntCommand.USAGE_ERROR;
        }
        out.print(AutoComplete.bash(CommandLines.TOP, commandLine()));
        return HuntCommand.NOTHING_FOUND;
    }

    /** The commands, for the help to list (fork is hidden: a hunt starts it). */
    private static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.create().name(CommandLines.TOP);
        spec.usageMessage().customSynopsis("java -jar jostle.jar COMMAND [options] ...")
                .description("Finds concurrency bugs: runs a program round after round under scheduling noise.")
                .footer("java -jar jostle.jar COMMAND --help lists a command's options");
        spec.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("print this help and exit")
                .build());
        spec.addOption(OptionSpec.builder("--version", "-V").versionHelp(true)
                .description("print jostle.jar's version and exit").build());
        CommandLine command = CommandLines.of(spec, false);
        command.addSubcommand("hunt", CommandLines.of(described(HuntArguments.spec(),
                "run a program's main (or Class#method, Class#@Test) under noise until a round fails"), true));
        command.addSubcommand("merge", CommandLines.of(described(MergeCommand.spec(),
                "merge the hunt --json results of a hunt's shards into one verdict"), false));
        command.addSubcommand("fork", CommandLines.of(ForkChild.spec(), true));
        return command;
    }

    private static CommandSpec described(CommandSpec spec, String line) {
        spec.usageMessage().header(line);
        return spec;
    }

    private static String version() {
        String version = JostleMain.class.getPackage().getImplementationVersion();
        return version == null ? "(version unknown: not run from jostle.jar)" : version;
    }
}
