package dev.jostle.hunt.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code java -jar jostle.jar hunt} in a child JVM, as the benchmarks run it, read back from its JSON. */
final class ChildHunt {

    final int status;
    final boolean found;
    final String kind;
    final long rounds;
    final long elapsedMillis;
    final Long timeToFirstFailureMillis;
    /** A controlled failure's replay check ("decisions replayed exactly in 5 of 5"), or null. */
    final String scheduleReplays;
    /** How often the hunt replayed the reported seed (hunt does not replay a hang, which costs its timeout). */
    final long replays;
    /** Every replay of the reported seed failed again (also when there were none). */
    final boolean everyReplayFailed;
    final String output;

    private ChildHunt(int status, String json, String output) {
        this.status = status;
        this.found = "true".equals(field(json, "found"));
        this.kind = unquote(field(json, "kind"));
        this.rounds = parseLong(field(json, "rounds"), -1);
        this.elapsedMillis = parseLong(field(json, "elapsedMillis"), -1);
        String ttff = field(json, "timeToFirstFailureMillis");
        this.timeToFirstFailureMillis = ttff == null || ttff.equals("null") ? null : Long.parseLong(ttff);
        this.scheduleReplays = unquote(field(json, "scheduleReplays"));
        this.replays = parseLong(field(json, "replays"), 0);
        this.everyReplayFailed = parseLong(field(json, "failedAgain"), -1) == replays;
        this.output = output;
    }

    static Path jar() {
        return Path.of(System.getProperty("jostle.jar", "framework/target/jostle.jar"));
    }

    static String testClasses() {
        return System.getProperty("jostle.test.classes", "framework/target/test-classes");
    }

    static ChildHunt run(List<String> jvmOptions, List<String> huntArgs, long patienceSeconds)
            throws IOException, InterruptedException {
        return run(jvmOptions, huntArgs, patienceSeconds, true);
    }

    /**
     * As {@link #run(List, List, long)}; without the agent ({@code withAgent} false) the hunt runs through
     * {@code java -cp jostle.jar}: nothing is instrumented, the program runs as plain Java.
     */
    static ChildHunt run(List<String> jvmOptions, List<String> huntArgs, long patienceSeconds, boolean withAgent)
            throws IOException, InterruptedException {
        Path json = Files.createTempFile("jostle-bench", ".json");
        Path log = Files.createTempFile("jostle-bench", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            if (withAgent) {
                command.addAll(List.of("-jar", jar().toString()));
            } else {
                command.addAll(List.of("-cp", jar().toString(), "dev.jostle.tools.JostleMain"));
            }
            command.add("hunt");
            command.add("--json");
            command.add(json.toString());
            command.addAll(huntArgs);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(patienceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("hunt did not end within " + patienceSeconds + " s: " + command);
            }
            String text = Files.readString(json, StandardCharsets.UTF_8);
            return new ChildHunt(process.exitValue(), text, Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(json);
            Files.deleteIfExists(log);
        }
    }

    private static String field(String json, String name) {
        Matcher match = Pattern.compile("\"" + name + "\": (\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\n}]+)").matcher(json);
        return match.find() ? match.group(1).trim() : null;
    }

    private static String unquote(String value) {
        return value == null || value.equals("null") ? null : value.substring(1, value.length() - 1);
    }

    private static long parseLong(String value, long otherwise) {
        return value == null ? otherwise : Long.parseLong(value);
    }

    static String machine() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "unknown": a busy machine is noise of its own. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }
}
