package dev.jostle.stress.reallibs.driver;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Measures {@code hunt} against a plain re-run loop on programs that drive old library releases into their
 * reported concurrency bugs, and prints one table row per program.
 *
 * <p>Detection rates are measurements: only a false failure (a hunt failure that is not the program's own
 * symptom, or a hunt that could not run) fails the build.
 */
public final class RealLibsCheck {
    private static final long GRACE_MILLIS = 60_000;

    private final Path jostleJar = Path.of(required("reallibs.jostleJar"));
    private final Path classes = Path.of(required("reallibs.classes"));
    private final Path lib = Path.of(required("reallibs.lib"));
    private final Path out = Path.of(required("reallibs.out"));
    private final long budgetMillis = Long.parseLong(System.getProperty("reallibs.budgetMillis", "10000"));
    private final int runs = Integer.getInteger("reallibs.runs", 3);
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    public static void main(String[] args) throws Exception {
        if (!new RealLibsCheck().run()) {
            throw new IllegalStateException(
                    "hunt raised a false failure on a real library (FALSE FAILURE lines above)");
        }
    }

    private boolean run() throws Exception {
        Files.createDirectories(out);
        List<String> falseFailures = new ArrayList<>();
        StringBuilder table = new StringBuilder()
                .append("| program | bug | hunt found | hunt median first failure | plain loop found"
                        + " | plain median first failure | false failures |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (RealLibProgram program : RealLibProgram.ALL) {
            List<Long> huntTimes = new ArrayList<>();
            List<Long> plainTimes = new ArrayList<>();
            List<String> programFalse = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                hunt(program, i, huntTimes, programFalse);
                plain(program, i, plainTimes);
            }
            falseFailures.addAll(programFalse);
            table.append("| ").append(program.shortName())
                    .append(" | ").append(program.bug())
                    .append(" | ").append(huntTimes.size()).append('/').append(runs)
                    .append(" | ").append(median(huntTimes))
                    .append(" | ").append(plainTimes.size()).append('/').append(runs)
                    .append(" | ").append(median(plainTimes))
                    .append(" | ").append(programFalse.size()).append(" |\n");
        }
        System.out.println();
        System.out.println("Real libraries: hunt --time " + budgetMillis + "ms against a plain loop, " + runs
                + " runs each");
        System.out.print(table);
        Files.writeString(out.resolve("table.md"), table);
        falseFailures.forEach(f -> System.out.println("FALSE FAILURE " + f));
        return falseFailures.isEmpty();
    }

    private void hunt(RealLibProgram program, int run, List<Long> found, List<String> falseFailures)
            throws Exception {
        Path json = out.resolve(program.shortName() + "-hunt-" + run + ".json");
        Files.deleteIfExists(json);
        Path log = out.resolve(program.shortName() + "-hunt-" + run + ".log");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(program.jvmOptions());
        command.addAll(List.of("-jar", jostleJar.toString(), "hunt", "--time", budgetMillis + "ms",
                "--json", json.toString(), "-cp", programClassPath(program), program.mainClass()));
        int exit = exec(log, command);
        if (exit == 2 || !Files.exists(json)) {
            falseFailures.add(program.shortName() + " hunt run " + run + ": exit " + exit + ", see " + log);
            return;
        }
        JsonObject result = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        if (!result.get("found").getAsBoolean()) {
            return;
        }
        String message = result.get("kind").getAsString() + ": "
                + (result.get("message").isJsonNull() ? "" : result.get("message").getAsString());
        if (program.isSymptom(message)) {
            found.add(result.get("timeToFirstFailureMillis").getAsLong());
        } else {
            falseFailures.add(program.shortName() + " hunt run " + run + ": " + message + ", see " + log);
        }
    }

    private void plain(RealLibProgram program, int run, List<Long> found) throws Exception {
        Path log = out.resolve(program.shortName() + "-plain-" + run + ".log");
        String driverClassPath = Path.of(PlainLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(program.jvmOptions());
        command.addAll(List.of("-cp", driverClassPath, PlainLoop.class.getName(), Long.toString(budgetMillis),
                programClassPath(program), program.mainClass()));
        exec(log, command);
        String line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("found ") || l.startsWith("none ")).findFirst().orElse("none");
        String[] parts = line.split(" ", 4);
        if (parts[0].equals("found") && program.isSymptom(parts[3])) {
            found.add(Long.parseLong(parts[1]));
        } else if (parts[0].equals("found")) {
            System.out.println("plain loop, not the bug's symptom (" + program.shortName() + " run " + run + "): "
                    + parts[3]);
        }
    }

    private String programClassPath(RealLibProgram program) {
        return classes + File.pathSeparator + lib.resolve(program.jar());
    }

    private int exec(Path log, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(budgetMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    private static String median(List<Long> millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        return String.format(Locale.ROOT, "%.1f s", median / 1000.0);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set");
        }
        return value;
    }

    private RealLibsCheck() {
    }
}
