package dev.jostle.tools;

import dev.jostle.hunt.ForkChild;
import dev.jostle.hunt.HuntCommand;
import dev.jostle.hunt.MergeCommand;
import java.util.Arrays;

/** {@code java -jar jostle.jar COMMAND ...}: the command-line entry point; one line per command. */
public final class JostleMain {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar jostle.jar COMMAND [options] ...",
            "commands:",
            "  hunt [options] MAIN [ARGS...]         run a program's main (or Class#method, Class#@Test) under noise",
            "  merge [--json OUT] FILE...            merge the hunt --json results of a hunt's shards into one verdict",
            "(java -jar jostle.jar hunt --help lists hunt's options)");

    private JostleMain() {
    }

    public static void main(String[] args) {
        // Explicit exit: threads a failed round left behind must not keep the JVM alive.
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "hunt":
                return HuntCommand.run(rest, System.out, System.err);
            case "merge":
                return MergeCommand.run(rest, System.out, System.err);
            case "fork":
                // Not listed: a hunt with --forks starts it (see ForkChild).
                return ForkChild.run(rest, System.err);
            case "--help":
            case "-h":
            case "help":
                System.out.println(USAGE);
                return 0;
            default:
                System.err.println("jostle: unknown command '" + args[0] + "'" + System.lineSeparator() + USAGE);
                return 2;
        }
    }
}
