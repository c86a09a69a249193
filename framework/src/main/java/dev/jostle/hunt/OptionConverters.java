package dev.jostle.hunt;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Shard;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads the values of hunt's and merge's options. A bad value is a {@link UsageException} whose one line names the
 * option and the value, which {@link CommandLines} passes on as it is.
 */
final class OptionConverters {

    private OptionConverters() {
    }

    static ITypeConverter<Integer> wholeNumber(String option, int least) {
        return value -> {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= least) {
                    return n;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new UsageException(option + " " + Durations.quote(value)
                    + ": expected a whole number of at least " + least);
        };
    }

    static ITypeConverter<Long> seed() {
        return value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException notANumber) {
                throw new UsageException("--seed " + Durations.quote(value) + ": expected a whole number (a long)");
            }
        };
    }

    static ITypeConverter<Strategy> strategy() {
        return value -> {
            try {
                return Strategy.fromId(value);
            } catch (IllegalArgumentException unknown) {
                throw new UsageException("--strategy " + Durations.quote(value) + ": " + unknown.getMessage());
            }
        };
    }

    static ITypeConverter<Shard> shard() {
        return value -> {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException bad) {
                throw new UsageException("--shard " + Durations.quote(value) + ": " + bad.getMessage());
            }
        };
    }

    /** A regular expression, or a one-line reason: PatternSyntaxException's own message spans three lines. */
    static ITypeConverter<Pattern> pattern(String option) {
        return value -> {
            if (value.isEmpty()) {
                throw new UsageException(option + " '': an empty pattern would match every line");
            }
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException bad) {
                throw new UsageException(option + " " + Durations.quote(value) + ": not a regular expression: "
                        + bad.getDescription() + (bad.getIndex() >= 0 ? " at index " + bad.getIndex() : ""));
            }
        };
    }

    static ITypeConverter<Path> path(String option) {
        return value -> path(option, value);
    }

    static Path path(String option, String value) throws UsageException {
        try {
            if (value.isBlank()) {
                throw new InvalidPathException(value, "empty");
            }
            return Path.of(value);
        } catch (InvalidPathException bad) {
            throw new UsageException(option + " " + Durations.quote(value) + ": not a file name");
        }
    }
}
