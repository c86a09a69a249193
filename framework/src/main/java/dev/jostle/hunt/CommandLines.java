package dev.jostle.hunt;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How every jostle.jar command reads its words (picocli, set up once here) and says what is wrong with them: one
 * line that names the option and the value, then where the help is.
 */
public final class CommandLines {

    /** Help lines fit a terminal: picocli wraps the descriptions to this width. */
    static final int WIDTH = 110;

    /** The name of the command that {@code java -jar jostle.jar} itself is: its subcommands are hunt, merge... */
    public static final String TOP = "jostle";

    private CommandLines() {
    }

    /**
     * A command whose words are read as its spec says.
     *
     * @param stopAtFirstPositional whether the first word that is not an option ends the options, so that it and
     *                              every word after it reach the program untouched, even one that starts with a dash
     */
    public static CommandLine of(CommandSpec spec, boolean stopAtFirstPositional) {
        spec.usageMessage().synopsisHeading("usage: ").sortOptions(false).width(WIDTH).longOptionsMaxWidth(26)
                .optionListHeading("options:%n").commandListHeading("commands:%n").parameterListHeading("%n");
        CommandLine command = new CommandLine(spec);
        command.setStopAtPositional(stopAtFirstPositional);
        // A program's own argument "@args.txt" is the program's: picocli would read it as a file of arguments.
        command.setExpandAtFiles(false);
        // As a shell script builds a command line: the last --time given is the one that counts.
        command.setOverwrittenOptionsAllowed(true);
        // An option takes the next word as its value, whatever it looks like: --fail-on-output --verbose looks for
        // "--verbose", and --time --rounds says that "--rounds" is no duration.
        command.setAllowOptionsAsOptionParameters(true);
        command.setPosixClusteredShortOptionsAllowed(false);
        return command;
    }

    /** Reads {@code argv}; a usage error is one line that ends by pointing at the command's {@code --help}. */
    public static ParseResult parse(CommandLine command, String... argv) throws UsageException {
        try {
            return command.parseArgs(argv);
        } catch (CommandLine.ParameterException bad) {
            throw usageError(command.getCommandSpec(), bad);
        }
    }

    /**
     * The help text of a command made for it alone, without colours (it goes to files and CI logs as often as to a
     * terminal). Options are shown as they are mostly typed, and as replay lines print them: {@code --time 10s}.
     */
    public static String usage(CommandLine command) {
        command.setSeparator(" ");
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing();
    }

    /** Where a command's help is, to end an error message with: {@code ; see 'java -jar jostle.jar hunt --help'}. */
    public static String seeHelp(CommandSpec spec) {
        return "; see 'java -jar jostle.jar " + (spec.name().equals(TOP) ? "" : spec.name() + " ") + "--help'";
    }

    private static UsageException usageError(CommandSpec spec, CommandLine.ParameterException bad) {
        // A converter's own reason already names the option and the value in the house wording.
        if (bad.getCause() instanceof UsageException) {
            return (UsageException) bad.getCause();
        }
        if (bad instanceof CommandLine.UnmatchedArgumentException) {
            return unknown(spec, (CommandLine.UnmatchedArgumentException) bad);
        }
        if (bad instanceof CommandLine.MissingParameterException) {
            for (ArgSpec missing : ((CommandLine.MissingParameterException) bad).getMissing()) {
                if (missing instanceof OptionSpec) {
                    return new UsageException(((OptionSpec) missing).longestName() + " needs a value");
                }
            }
        }
        return new UsageException(firstLine(bad.getMessage()) + seeHelp(spec));
    }

    private static UsageException unknown(CommandSpec spec, CommandLine.UnmatchedArgumentException bad) {
        String word = bad.getUnmatched().isEmpty() ? "" : bad.getUnmatched().get(0);
        List<String> suggestions = bad.getSuggestions();
        String what = spec.subcommands().isEmpty() || word.startsWith("-") ? "option" : "command";
        String guess = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
        return new UsageException("unknown " + what + " '" + word + "'" + guess + seeHelp(spec));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "cannot read the command line";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
