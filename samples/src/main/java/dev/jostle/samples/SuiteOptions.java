package dev.jostle.samples;

import dev.jostle.agent.runtime.Strategy;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The sample runner's command line.
 *
 * @param quietRounds   rounds per variant with noise off (the "works but broken" measurement)
 * @param brokenRounds  most jostled rounds for a broken variant (it stops at the first failure)
 * @param fixRounds     jostled rounds every fix must survive
 * @param timeout       a round running longer is a hang (a deadlock is reported as soon as it forms)
 * @param seed          base seed of every campaign: round i runs under seed + i
 * @param only          runs the variants whose bug or name contains a match; null for all
 * @param progress      shows progress on the terminal
 * @param strategy      how the jostled rounds are run ({@link Strategy#MIXED} unless asked otherwise)
 */
public record SuiteOptions(int quietRounds, int brokenRounds, int fixRounds, Duration timeout, long seed,
        Pattern only, boolean progress, Strategy strategy) {

    static final String USAGE = String.join("\n",
            "usage: java -jar samples/target/jostle-samples.jar [options]",
            "  --long            a longer run: 1000 rounds without noise, 5000 jostled rounds per fix",
            "  --only REGEX      only the variants whose bug or class name matches (e.g. LostUpdate, deadlock)",
            "  --seed N          base seed (default 1); a failing round's seed is printed in the table",
            "  --quiet-rounds N  rounds per variant with noise off (default 200, long 1000)",
            "  --fix-rounds N    jostled rounds per fix (default 300, long 5000)",
            "  --broken-rounds N most jostled rounds per broken variant (default 500, long 2000)",
            "  --timeout MS      round timeout in milliseconds (default 2000)",
            "  --strategy NAME   how jostled rounds run (default mixed; e.g. controlled-pct)",
            "  --no-progress     no progress line, even on a terminal");

    public static SuiteOptions parse(String[] args, boolean terminal) {
        boolean longRun = false;
        Integer quiet = null;
        Integer fixes = null;
        Integer broken = null;
        long timeoutMillis = 2000;
        long seed = 1;
        Pattern only = null;
        boolean progress = terminal;
        Strategy strategy = Strategy.MIXED;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--long":
                    longRun = true;
                    break;
                case "--only":
                    only = Pattern.compile(value(args, ++i, arg), Pattern.CASE_INSENSITIVE);
                    break;
                case "--seed":
                    seed = number(args, ++i, arg, Long.MIN_VALUE);
                    break;
                case "--quiet-rounds":
                    quiet = (int) number(args, ++i, arg, 0);
                    break;
                case "--fix-rounds":
                    fixes = (int) number(args, ++i, arg, 1);
                    break;
                case "--broken-rounds":
                    broken = (int) number(args, ++i, arg, 1);
                    break;
                case "--timeout":
                    timeoutMillis = number(args, ++i, arg, 1);
                    break;
                case "--strategy":
                    strategy = strategy(value(args, ++i, arg));
                    break;
                case "--no-progress":
                    progress = false;
                    break;
                case "--help":
                case "-h":
                    throw new IllegalArgumentException(USAGE);
                default:
                    throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
            }
        }
        return new SuiteOptions(
                quiet != null ? quiet : longRun ? 1000 : 200,
                broken != null ? broken : longRun ? 2000 : 500,
                fixes != null ? fixes : longRun ? 5000 : 300,
                Duration.ofMillis(timeoutMillis), seed, only, progress, strategy);
    }

    private static Strategy strategy(String name) {
        try {
            return Strategy.fromId(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("--strategy " + unknown.getMessage() + "\n" + USAGE);
        }
    }

    public boolean selects(Variant variant) {
        return only == null || only.matcher(variant.bug()).find() || only.matcher(variant.name()).find();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static long number(String[] args, int i, String option, long min) {
        String text = value(args, i, option);
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + text + ": not a whole number");
        }
        if (n < min || n > Integer.MAX_VALUE && min >= 0) {
            throw new IllegalArgumentException(option + " " + text + ": must be between " + min + " and "
                    + Integer.MAX_VALUE);
        }
        return n;
    }
}
