package dev.jostle.hunt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hunt run in this JVM through {@link HuntCommand}, over the test programs, with its exit status and output.
 *
 * @param status the exit status
 * @param out    what it printed on stdout
 * @param err    what it printed on stderr
 */
record HuntRun(int status, String out, String err) {

    /** Hunts with the test programs' class path and a generous time budget, then the given arguments. */
    static HuntRun hunt(String... args) {
        return huntOn(TestPrograms.classPath(), args);
    }

    /** Hunts with JUnit 4 and JUnit 5 on the class path too, for test classes written for them. */
    static HuntRun huntWithJUnit(String... args) {
        return huntOn(TestPrograms.classPathWithJUnit(), args);
    }

    private static HuntRun huntOn(String classPath, String... args) {
        List<String> argv = new ArrayList<>(List.of("-cp", classPath, "--time", "60s"));
        argv.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HuntCommand.run(argv.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new HuntRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The replay line of a failure report. */
    String replayLine() {
        return out.lines().dropWhile(line -> !line.startsWith("replay this round")).skip(1).findFirst()
                .orElseThrow(() -> new AssertionError("no replay line: " + this)).trim();
    }

    @Override
    public String toString() {
        return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
