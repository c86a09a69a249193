package dev.jostle.hunt.bench;

import dev.jostle.programs.fixtures.Passes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rounds per second of {@code hunt} for a trivial two-thread program under {@code --strategy none}, and
 * memory over 100,000 rounds under {@code -Xmx256m} (heap after GC early and late in the run, with
 * metaspace capped so that a class-loader leak ends the run with an OutOfMemoryError).
 *
 * <p>Run after {@code mvn -B -q package -pl framework -am -DskipTests} from the repository root:
 * {@code mvn -B -q -pl framework exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.jostle.hunt.bench.HuntThroughputBenchmark [-Dexec.args="SECONDS MEMORY_ROUNDS RUNS"]}
 * (defaults 10, 100000, 3; 0 memory rounds skips the memory run). Beside the hunt it runs the hunt with its
 * lambda desugaring off (what linking the program's two method references through LambdaMetafactory costs
 * every round), the same rounds without Jostle ({@link PlainRounds}: what the plain JVM does for them, lambdas
 * linked as written), and only their threads ({@link ThreadRounds}): what no round that starts three threads
 * can beat here.
 */
public final class HuntThroughputBenchmark {

    private static final Pattern HEAP_AFTER = Pattern.compile("->(\\d+)M\\(\\d+M\\)");

    private HuntThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int memoryRounds = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("hunt throughput, " + LocalDate.now() + ", " + ChildHunt.machine() + ", load average "
                + ChildHunt.loadAverage());

        // Interleaved, so that a change in the machine's load hits all four alike; medians of the runs.
        List<Double> hunt = new ArrayList<>();
        List<Double> huntNoRaces = new ArrayList<>();
        List<Double> huntAsWritten = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            hunt.add(huntRate(seconds, List.of(), List.of()));
            huntNoRaces.add(huntRate(seconds, List.of(), List.of("--no-races")));
            huntAsWritten.add(huntRate(seconds, List.of("-Djostle.desugarLambdas=false"), List.of()));
            plain.add(childRate(PlainRounds.class, ChildHunt.testClasses(), Passes.class.getName(), "2",
                    Integer.toString(seconds)));
            threads.add(childRate(ThreadRounds.class, "2", Integer.toString(seconds)));
        }
        System.out.printf(Locale.ROOT, "rounds/s, %d runs of %d s each, trivial two-thread program %s, --parallel 2:%n",
                runs, seconds, Passes.class.getSimpleName());
        System.out.println("  hunt --strategy none:             " + summary(hunt));
        System.out.println("  hunt --strategy none --no-races:  " + summary(huntNoRaces));
        System.out.println("  hunt --strategy none, lambdas linked as written (-Djostle.desugarLambdas=false): "
                + summary(huntAsWritten));
        System.out.println("  plain JVM, same rounds, no Jostle: " + summary(plain));
        System.out.println("  their threads alone, nothing loaded: " + summary(threads));
        System.out.println("  load average after: " + ChildHunt.loadAverage());
        if (memoryRounds <= 0) {
            return;
        }

        Path gcLog = Files.createTempFile("jostle-gc", ".log");
        try {
            ChildHunt memory = ChildHunt.run(
                    List.of("-Xmx256m", "-XX:MaxMetaspaceSize=96m", "-Xlog:gc:file=" + gcLog),
                    List.of("-cp", ChildHunt.testClasses(), "--strategy", "none", "--parallel", "2", "--rounds",
                            Integer.toString(memoryRounds), "--time", "1h", Passes.class.getName()),
                    3600);
            List<Integer> after = new ArrayList<>();
            for (String line : Files.readAllLines(gcLog)) {
                Matcher match = HEAP_AFTER.matcher(line);
                if (match.find()) {
                    after.add(Integer.parseInt(match.group(1)));
                }
            }
            System.out.printf(Locale.ROOT, "memory: exit %d, %d rounds in %.1f s under -Xmx256m"
                    + " -XX:MaxMetaspaceSize=96m; %d GCs; heap after GC: first tenth %s MB, last tenth %s MB%n",
                    memory.status, memory.rounds, memory.elapsedMillis / 1000.0, after.size(), range(after, 0),
                    range(after, 9));
            if (memory.status != 0 || memory.rounds != memoryRounds) {
                System.out.println("memory run did not complete:\n" + memory.output);
            }
        } finally {
            Files.deleteIfExists(gcLog);
        }
    }

    private static double huntRate(int seconds, List<String> jvmOptions, List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-cp", ChildHunt.testClasses(), "--strategy", "none",
                "--parallel", "2", "--time", seconds + "s"));
        args.addAll(extra);
        args.add(Passes.class.getName());
        ChildHunt speed = ChildHunt.run(jvmOptions, args, seconds + 60L);
        return speed.rounds * 1000.0 / speed.elapsedMillis;
    }

    /**
     * Rounds per second of a child JVM without the agent running {@code main} ({@link PlainRounds}: the same
     * rounds without Jostle; {@link ThreadRounds}: only their threads), which prints its count.
     */
    private static double childRate(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", ChildHunt.testClasses(), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed:\n" + output);
        }
        Matcher match = Pattern.compile("rounds (\\d+) elapsedMillis (\\d+)").matcher(output);
        if (!match.find()) {
            throw new IllegalStateException(main.getSimpleName() + " printed no count:\n" + output);
        }
        return Long.parseLong(match.group(1)) * 1000.0 / Long.parseLong(match.group(2));
    }

    /** Median and every run, e.g. {@code median 640 (612, 640, 688)}. */
    private static String summary(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double rate : rates) {
            all.append(all.length() == 0 ? "" : ", ").append(Math.round(rate));
        }
        return "median " + Math.round(sorted.get(sorted.size() / 2)) + " (" + all + ")";
    }

    /** Min..max of one tenth of the values (tenth 0 = the first). */
    private static String range(List<Integer> values, int tenth) {
        if (values.isEmpty()) {
            return "-";
        }
        int from = values.size() * tenth / 10;
        int to = Math.max(from + 1, values.size() * (tenth + 1) / 10);
        List<Integer> part = values.subList(from, Math.min(to, values.size()));
        return part.stream().mapToInt(Integer::intValue).min().getAsInt() + ".."
                + part.stream().mapToInt(Integer::intValue).max().getAsInt();
    }
}
