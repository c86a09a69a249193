package dev.jostle.bench;

import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prints what the agent costs: the {@link Workload} timed plain (a JVM without the agent), instrumented
 * with no round open, in rounds under strategy {@code none} (a round with nothing to decide or record leaves
 * the hooks disarmed: each costs one volatile read), with the hooks armed but reporting to a probe that does
 * nothing ({@code dispatch}: what reaching a probe costs), with race detection alone, and under each noise
 * strategy.
 * Every configuration runs in a fresh child JVM; the runs are interleaved (plain, idle, none, ..., then
 * again) so that drift in the machine's load hits every configuration alike. Each child warms up, times
 * several iterations and reports their median; the table shows the median over runs and its ratio to plain.
 *
 * <p>Run (after {@code mvn -B -q package -pl agent -DskipTests}) from the repository root, with the agent jar
 * first on the class path and the agent's test classes, where the benchmark lives, after it:
 * <pre>
 * java -cp agent/target/jostle-agent.jar:agent/target/test-classes dev.jostle.bench.OverheadBenchmark [--runs 3] [--threads 4]
 *     [--steps 1000000] [--locks yes|no] [--work 0] [--configurations plain,none,races] [--baseline OTHER-AGENT.jar]
 * </pre>
 * Each child JVM gets the agent jar as {@code -javaagent} and the same two entries as its class path.
 * {@code --baseline} runs every configuration but plain a second time with another build of the agent jar,
 * interleaved with this one's, so that a change is measured side by side under the same load.
 * It takes one to a few minutes on 2 cores. {@code --locks no} leaves out the {@code synchronized} block.
 * {@code --work N} adds N steps of arithmetic on locals to every step: code that does something between its
 * shared accesses, as most code does (the default, 0, is the dense worst case). Noise strategies are slow by
 * design (each round may be delayed by up to its cap, 120 to 200 ms); the number to watch is {@code none}.
 */
public final class OverheadBenchmark {

    private static final List<String> CONFIGURATIONS = List.of("plain", "idle", "none", "dispatch", "races", "random", "pct",
            "halt-one", "targeted", "mixed");
    private static final int WARMUP = 2;
    private static final int MEASURED = 5;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException usage) {
            System.err.println("OverheadBenchmark: " + usage.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Workload.Shape shape = new Workload.Shape(intOption(options, "--threads", 4, 1),
                intOption(options, "--steps", 1_000_000, 1), yesNo(options, "--locks"), intOption(options, "--work", 0, 0));
        if (options.containsKey("--child")) {
            child(options.get("--child"), shape);
            return;
        }
        int runs = intOption(options, "--runs", 3, 1);
        List<String> configurations = configurations(options);
        String jar = agentJar();
        String benchmarkClasses = benchmarkClasses();
        String baseline = baseline(options);
        // Each measured row: {label, configuration, jar}.
        List<String[]> rows = new ArrayList<>();
        for (String configuration : configurations) {
            rows.add(new String[] {label(configuration), configuration, jar});
            if (baseline != null && !configuration.equals("plain")) {
                rows.add(new String[] {label(configuration) + " [baseline]", configuration, baseline});
            }
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";

        System.out.println("Jostle overhead benchmark, " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "), " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.printf(Locale.ROOT, "workload: %s; per child JVM %d warm-up + median of %d iterations; %d runs per"
                + " configuration, interleaved%n", shape.describe(), WARMUP, MEASURED, runs);

        if (baseline != null) {
            System.out.println("baseline: " + baseline);
        }

        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, Integer> sites = new LinkedHashMap<>();
        rows.forEach(r -> millis.put(r[0], new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < rows.size(); i++) {
                // Rotate the starting configuration so that none always runs right after a JVM of one kind.
                String[] row = rows.get((i + run) % rows.size());
                long[] result = runChild(java, row[2], benchmarkClasses, row[1], shape);
                millis.get(row[0]).add(result[0] / 1e6);
                sites.put(row[0], (int) result[1]);
            }
        }

        double plain = median(millis.get(label("plain")));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-37s %10s %8s %6s   %s%n", "configuration", "median ms", "x plain", "sites",
                "runs (ms)");
        for (String[] row : rows) {
            List<Double> times = millis.get(row[0]);
            double median = median(times);
            StringBuilder all = new StringBuilder();
            for (double t : times) {
                all.append(String.format(Locale.ROOT, "%.0f ", t));
            }
            System.out.printf(Locale.ROOT, "%-37s %10.1f %7.2fx %6d   %s%n", row[0], median,
                    median / plain, sites.get(row[0]), all.toString().trim());
        }
    }

    /** The configurations to run, in the table's order; plain is always among them, as the reference. */
    private static List<String> configurations(Map<String, String> options) {
        String value = options.get("--configurations");
        if (value == null) {
            return CONFIGURATIONS;
        }
        List<String> chosen = new ArrayList<>();
        for (String name : value.split(",")) {
            String configuration = name.trim();
            if (!CONFIGURATIONS.contains(configuration)) {
                throw new IllegalArgumentException("--configurations: unknown '" + configuration + "'; known: "
                        + String.join(", ", CONFIGURATIONS));
            }
            chosen.add(configuration);
        }
        if (!chosen.contains("plain")) {
            chosen.add(0, "plain");
        }
        return CONFIGURATIONS.stream().filter(chosen::contains).toList();
    }

    private static String baseline(Map<String, String> options) {
        String value = options.get("--baseline");
        if (value == null) {
            return null;
        }
        File file = new File(value);
        if (!file.isFile() || !file.canRead()) {
            throw new IllegalArgumentException("--baseline: no readable jar at " + file.getAbsolutePath());
        }
        return file.getAbsolutePath();
    }

    private static String label(String configuration) {
        switch (configuration) {
            case "plain":
                return "plain (no agent)";
            case "idle":
                return "agent, no round open";
            case "dispatch":
                return "hooks armed, probe does nothing";
            case "races":
                return "round, none + race detection";
            default:
                return "round, strategy " + configuration;
        }
    }

    /** Returns {median nanos, instrumented sites} as the child reported them. */
    private static long[] runChild(String java, String jar, String benchmarkClasses, String configuration,
            Workload.Shape shape)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
        if (!configuration.equals("plain")) {
            command.add("-javaagent:" + jar);
        }
        command.addAll(List.of("-cp", jar + File.pathSeparator + benchmarkClasses, OverheadBenchmark.class.getName(),
                "--child", configuration, "--threads", String.valueOf(shape.threads()), "--steps", String.valueOf(shape.steps()), "--locks",
                shape.locks() ? "yes" : "no", "--work", String.valueOf(shape.work())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        long[] result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
                }
            }
        }
        if (!child.waitFor(10, TimeUnit.MINUTES)) {
            child.destroyForcibly();
        }
        if (result == null) {
            throw new IllegalStateException("the " + configuration + " child JVM reported no result (exit "
                    + child.exitValue() + "):\n" + String.join("\n", output));
        }
        return result;
    }

    private static void child(String configuration, Workload.Shape shape) throws InterruptedException {
        boolean wantsAgent = !configuration.equals("plain");
        if (wantsAgent != JostleRuntime.isInstalled()) {
            System.out.println("the " + configuration + " configuration expects the agent "
                    + (wantsAgent ? "installed" : "absent"));
            System.exit(2);
        }
        // "races": no noise, the race detector on: what detection alone costs.
        boolean races = configuration.equals("races");
        boolean dispatch = configuration.equals("dispatch");
        Session session = wantsAgent && !configuration.equals("idle") && !dispatch
                ? JostleRuntime.newSession(races ? Strategy.NONE : Strategy.fromId(configuration), 12345, false)
                        .detectRaces(races)
                : null;
        if (session != null && session.wantsObservation()) {
            Round observation = session.openObservationRound(Thread.currentThread());
            try (Round.Binding binding = observation.bind()) {
                Workload.run(shape.withSteps(Math.max(1, shape.steps() / 100)));
            } finally {
                observation.end();
            }
        }
        long[] nanos = new long[MEASURED];
        long checksum = 0;
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            if (dispatch) {
                checksum += IgnoringProbe.run(shape);
            } else if (session == null) {
                checksum += Workload.run(shape);
            } else {
                Round round = session.openRound(i, Thread.currentThread());
                try (Round.Binding binding = round.bind()) {
                    checksum += Workload.run(shape);
                } finally {
                    round.end();
                }
            }
            long elapsed = System.nanoTime() - start;
            if (i >= WARMUP) {
                nanos[i - WARMUP] = elapsed;
            }
        }
        Arrays.sort(nanos);
        int sites = wantsAgent ? Sites.limit() - 1 : 0;
        System.out.println("RESULT " + nanos[MEASURED / 2] + " " + sites + " " + (checksum & 1));
    }

    /** The shaded agent jar this JVM took the agent's classes from: the one the children measure. */
    private static String agentJar() throws URISyntaxException {
        String usage = "put the agent jar first on the class path (java -cp "
                + "agent/target/jostle-agent.jar:agent/target/test-classes ...)";
        Class<?> runtime;
        try {
            runtime = Class.forName("dev.jostle.agent.runtime.JostleRuntime", false,
                    OverheadBenchmark.class.getClassLoader());
        } catch (ClassNotFoundException missing) {
            throw new IllegalArgumentException(usage + "; the agent's classes are not on it");
        }
        File location = codeSource(runtime);
        if (!location.isFile()) {
            throw new IllegalArgumentException(usage + "; the agent's classes came from " + location);
        }
        return location.getAbsolutePath();
    }

    /** Where the benchmark's own classes are (the agent's test classes): the children need them too. */
    private static String benchmarkClasses() throws URISyntaxException {
        return codeSource(OverheadBenchmark.class).getAbsolutePath();
    }

    private static File codeSource(Class<?> type) throws URISyntaxException {
        return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--child", "--runs", "--threads", "--steps", "--locks", "--work", "--configurations", "--baseline")
                    .contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: '" + args[i]
                        + "'; known: --runs N, --threads N, --steps N, --locks yes|no, --work N, --configurations A,B,..., "
                        + "--baseline JAR");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static boolean yesNo(Map<String, String> options, String name) {
        String value = options.getOrDefault(name, "yes").trim();
        if (value.equals("yes") || value.equals("no")) {
            return value.equals("yes");
        }
        throw new IllegalArgumentException(name + " '" + value + "': use yes or no");
    }

    private static int intOption(Map<String, String> options, String name, int fallback, int least) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < least) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException(name + " '" + value + "': must be a whole number of at least " + least);
        }
    }
}
