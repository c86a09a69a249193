package dev.jostle.hunt.bench;

import dev.jostle.programs.fixtures.Passes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * -Dexec.mainClass=dev.jostle.hunt.bench.HuntThroughputBenchmark [-Dexec.args="10 100000"]}
 */
public final class HuntThroughputBenchmark {

    private static final Pattern HEAP_AFTER = Pattern.compile("->(\\d+)M\\(\\d+M\\)");

    private HuntThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int memoryRounds = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.println("hunt throughput, " + LocalDate.now() + ", " + ChildHunt.machine());

        ChildHunt speed = ChildHunt.run(List.of(), List.of("-cp", ChildHunt.testClasses(), "--strategy", "none",
                "--parallel", "2", "--time", seconds + "s", Passes.class.getName()), seconds + 60L);
        System.out.printf(Locale.ROOT, "rounds/s: %.0f (%d rounds in %.1f s, --strategy none --parallel 2, %s)%n",
                speed.rounds * 1000.0 / speed.elapsedMillis, speed.rounds, speed.elapsedMillis / 1000.0,
                Passes.class.getSimpleName());

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
