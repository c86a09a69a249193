package dev.jostle.hunt;

import dev.jostle.agent.runtime.RoundReport;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The hunt command line that replays one round: the round's own seed and concrete strategy make it round 0
 * of a new hunt, so the noise decisions repeat exactly (the operating system's scheduling may not). The
 * observation round is replayed as round 0 under strategy {@code none} at its seed, which a hunt runs as an
 * observation round. The line starts in the hunt's directory and repeats its JVM options (see {@link Launch}),
 * quoted for a POSIX shell, so that it runs as printed.
 */
final class Replay {

    /** Words a POSIX shell takes as they are; '#' too, except first, where it would start a comment. */
    private static final Pattern PLAIN = Pattern.compile("[\\w@%+=:,./-][\\w@%+=:,./#-]*");

    private Replay() {
    }

    /**
     * @param method the method the round ran, for a hunt of {@code Class#@Test}: its replay runs that method
     *               alone ({@code Class#method}), under the same seed; null to replay the hunt's own main
     */
    static String command(HuntOptions options, Launch launch, RoundReport round, String method) {
        List<String> words = new ArrayList<>(List.of("java"));
        words.addAll(launch.jvmOptions());
        words.addAll(List.of("-jar", jarPath(launch.workingDirectory()), "hunt"));
        words.add("--class-path");
        words.add(String.join(File.pathSeparator, options.classPath()));
        words.add("--strategy");
        words.add(round.strategy().id());
        words.add("--seed");
        words.add(Long.toString(round.seed()));
        words.add("--rounds");
        words.add("1");
        if (options.forks() > 0) {
            // In a fork, as the round ran: in a fresh JVM and directory, not beside the hunt's other rounds.
            words.add("--forks");
        } else {
            words.add("--parallel");
        }
        words.add("1");
        if (!options.roundTimeout().equals(HuntOptions.DEFAULT_ROUND_TIMEOUT)) {
            words.add("--round-timeout");
            words.add(Durations.format(options.roundTimeout()));
        }
        if (!options.assertions()) {
            words.add("--disable-assertions");
        }
        if (!options.races()) {
            words.add("--no-races");
        }
        if (options.failOnOutput() != null) {
            words.add("--fail-on-output");
            words.add(options.failOnOutput().pattern());
        }
        words.add((method != null && options.main().isTests() ? options.main().withMethod(method)
                : options.main()).toString());
        words.addAll(options.args());
        StringBuilder line = new StringBuilder("cd ").append(quote(launch.workingDirectory().toString())).append(" &&");
        for (String word : words) {
            line.append(' ').append(quote(word));
        }
        return line.toString();
    }

    /** Quotes a word for a POSIX shell when it needs it. */
    static String quote(String word) {
        if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The jar, relative to the hunt's directory when inside it. */
    private static String jarPath(Path here) {
        CodeSource source = Replay.class.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null) {
                Path path = Path.of(source.getLocation().toURI());
                if (path.toString().endsWith(".jar")) {
                    return (path.startsWith(here) ? here.relativize(path) : path).toString();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException unusual) {
            // fall through to the jar's usual name
        }
        return "jostle.jar";
    }
}
