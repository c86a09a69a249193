package dev.jostle.hunt;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How this hunt's JVM was started, as far as a replay must start the same way to fail the same way: the JVM
 * options that change what the program sees or may do, and the directory its relative paths start from.
 *
 * @param jvmOptions       the options a replay repeats, in their order
 * @param workingDirectory the directory the hunt ran in
 */
record Launch(List<String> jvmOptions, Path workingDirectory) {

    /**
     * Options a replay repeats: module access the program needs ({@code --add-opens}, {@code --add-exports};
     * the JVM lists them joined by {@code =}), system properties, assertions in the JVM's own sense and the
     * thread stack size. Others (heap, GC, other agents) change timing, not behaviour, and {@code -javaagent}
     * is never repeated: the jar starts Jostle's agent itself.
     */
    private static final Pattern REPEATED = Pattern.compile(
            "--add-opens=.*|--add-exports=.*|-D.+|-Xss.+|-ea(:.*)?|-enableassertions(:.*)?");

    Launch {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Read once, before the first round: reading it can need a file descriptor the program may use up. */
    static Launch current() {
        List<String> arguments;
        try {
            arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError unavailable) {
            arguments = List.of(); // no management library: the replay line then lacks the options
        }
        return new Launch(repeated(arguments), Path.of("").toAbsolutePath());
    }

    /** The options among the JVM's input arguments that a replay repeats (see {@link #REPEATED}). */
    static List<String> repeated(List<String> inputArguments) {
        List<String> kept = new ArrayList<>();
        for (String argument : inputArguments) {
            if (REPEATED.matcher(argument).matches()) {
                kept.add(argument);
            }
        }
        return kept;
    }
}
