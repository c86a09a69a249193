package dev.jostle.hunt;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code merge [--json OUT] FILE...}: the {@code hunt --json} results of several jobs (the shards of one hunt,
 * typically) as one verdict. Exit status as hunt's: 1 if any found a failure, 0 if none did, 2 for input that
 * cannot be read or does not belong together.
 */
public final class MergeCommand {

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar jostle.jar merge [--json OUT] FILE...",
            "Merges the results that hunt --json wrote (one per shard of a hunt, say) into one verdict: found if any",
            "found, rounds summed, every failure with its replay line. Shards must all be there, of one hunt.",
            "options:",
            "  --json OUT   also write the merged result as JSON to OUT",
            "exit status: 1 a failure was found, 0 none, 2 unreadable or mismatched input");

    private MergeCommand() {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Path json = null;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < argv.length; i++) {
                String word = argv[i];
                if (word.equals("--help") || word.equals("-h")) {
                    out.println(USAGE);
                    return HuntCommand.NOTHING_FOUND;
                } else if (word.equals("--json") || word.startsWith("--json=")) {
                    String value = word.equals("--json") ? (++i < argv.length ? argv[i] : null) : word.substring(7);
                    if (value == null) {
                        throw new UsageException("--json needs a value");
                    }
                    json = path("--json", value);
                } else if (word.startsWith("-")) {
                    throw new UsageException("unknown option '" + word + "'; see 'java -jar jostle.jar merge --help'");
                } else {
                    files.add(path("FILE", word));
                }
            }
            if (files.isEmpty()) {
                throw new UsageException("no results to merge; give the files hunt --json wrote");
            }
            List<HuntResultFile> results = new ArrayList<>();
            for (Path file : files) {
                results.add(HuntResultFile.read(file));
            }
            MergedHunts merged = MergedHunts.of(results);
            out.println(merged.summary());
            if (json != null) {
                write(merged, json);
            }
            return merged.found() ? HuntCommand.FAILURE_FOUND : HuntCommand.NOTHING_FOUND;
        } catch (UsageException bad) {
            err.println("jostle merge: " + bad.getMessage());
            return HuntCommand.USAGE_ERROR;
        }
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

    private static Path path(String what, String value) throws UsageException {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty");
            }
            return Path.of(value);
        } catch (InvalidPathException bad) {
            throw new UsageException(what + " " + Durations.quote(value) + ": not a file name");
        }
    }
}
