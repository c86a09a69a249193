package dev.jostle.hunt.bench;

import dev.jostle.programs.buggy.AtomicityWithdraw;
import dev.jostle.programs.buggy.BoundedBufferOverflow;
import dev.jostle.programs.buggy.CheckThenActMap;
import dev.jostle.programs.buggy.FirstReportHundred;
import dev.jostle.programs.buggy.FirstReportTen;
import dev.jostle.programs.buggy.InconsistentPair;
import dev.jostle.programs.buggy.LazyInitRace;
import dev.jostle.programs.buggy.LockOrderDeadlock;
import dev.jostle.programs.buggy.LostSignal;
import dev.jostle.programs.buggy.LostUpdateTen;
import dev.jostle.programs.buggy.LostUpdateTwo;
import dev.jostle.programs.buggy.LostWakeUp;
import dev.jostle.programs.buggy.OvertakeHundred;
import dev.jostle.programs.buggy.OvertakeTen;
import dev.jostle.programs.buggy.PhilosophersDeadlock;
import dev.jostle.programs.buggy.ReadBeforeJoin;
import dev.jostle.programs.buggy.ThreeStepOrder;
import dev.jostle.programs.buggy.UseBeforeInit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hunts each buggy program of {@code dev.jostle.programs.buggy} with every strategy, several times, and
 * prints a table: which strategies found it, in how many hunts, and the median time to the first failure.
 * {@code none} finding little while {@code mixed} finds nearly everything is the point of Jostle.
 *
 * <p>Every hunt runs with {@code --no-races}: race detection arms the hooks even in {@code none} rounds,
 * and their work widens the windows, so with it {@code none} would no longer be the plain program. The
 * table thus compares noise alone. {@code plain} runs the same hunt without the agent: the program as it is,
 * with no hook at all, which is what {@code none} should come close to. The machine's load average is
 * printed with the table: on an overloaded machine preemption is noise of its own, and {@code none} finds
 * more.
 *
 * <p>Run after {@code mvn -B -q package -pl framework -am -DskipTests} from the repository root:
 * {@code mvn -B -q -pl framework exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.jostle.hunt.bench.DetectionBenchmark -Dexec.args="SECONDS HUNTS [PROGRAM [STRATEGIES]]"}
 * (defaults 10 s, 3 hunts per program and column; at most about 50 minutes, far less as found bugs end
 * their hunts early). PROGRAM keeps the programs whose name contains it;
 * STRATEGIES is a comma-separated subset of the columns.
 */
public final class DetectionBenchmark {

    /** {@code plain} is the program without the agent (nothing instrumented), hunted round after round. */
    static final List<String> STRATEGIES = List.of("plain", "none", "random", "pct", "halt-one", "targeted", "mixed",
            "controlled-random", "controlled-pct", "controlled-pos");

    /**
     * The programs, with what they are: a kind of bug, a thread count, a narrow or wide window, and the margin
     * (how far apart in time the racing steps normally are) where the program has one.
     */
    static final List<Object[]> PROGRAMS = List.of(
            new Object[] {UseBeforeInit.class, "ordering, 2 threads, narrow, 5 ms margin"},
            new Object[] {ReadBeforeJoin.class, "ordering, 2 threads, wide"},
            new Object[] {LostUpdateTwo.class, "lost update, 2 threads, narrow, 5 ms margin"},
            new Object[] {LostUpdateTen.class, "lost update, 10 threads, narrow, 5 ms margin"},
            new Object[] {LazyInitRace.class, "check-then-act, 4 threads, narrow, 5 ms margin"},
            new Object[] {CheckThenActMap.class, "check-then-act, 3 threads, narrow, 5 ms margin"},
            new Object[] {BoundedBufferOverflow.class, "check-then-act, 6 threads, narrow, 5 ms margin"},
            new Object[] {AtomicityWithdraw.class, "atomicity, 2 threads, wide"},
            new Object[] {InconsistentPair.class, "atomicity, 2 threads, narrow, 5 ms margin"},
            new Object[] {LockOrderDeadlock.class, "deadlock, 2 threads, narrow, 5 ms margin"},
            new Object[] {PhilosophersDeadlock.class, "deadlock, 5 threads, narrow"},
            new Object[] {LostWakeUp.class, "lost wake-up, 2 threads, narrow, 5 ms margin"},
            new Object[] {LostSignal.class, "lost wake-up, 3 threads, wide"},
            new Object[] {OvertakeTen.class, "atomicity, one thread overtakes 10, narrow"},
            new Object[] {OvertakeHundred.class, "atomicity, one thread overtakes 100, narrow"},
            new Object[] {FirstReportTen.class, "ordering, one thread overtakes 10 behind a gate, 5 ms margin"},
            new Object[] {FirstReportHundred.class, "ordering, one thread overtakes 100 behind a gate, 5 ms margin"},
            new Object[] {ThreeStepOrder.class, "ordering, three steps in one order, 2 threads, 5 ms margin"});

    private DetectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int hunts = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "";
        List<String> strategies = args.length > 3 ? List.of(args[3].split(",")) : STRATEGIES;
        StringBuilder table = new StringBuilder();
        table.append("Detection benchmark, ").append(LocalDate.now()).append(", ").append(ChildHunt.machine())
                .append(", load average ").append(ChildHunt.loadAverage()).append(" at the start; ").append(hunts)
                .append(" hunts of ").append(seconds)
                .append(" s per program and strategy (--no-races --round-timeout 1s --parallel 2).\n")
                .append("Each cell: hunts that found the bug / hunts, median time to the first failure; for a")
                .append(" controlled strategy, how many of the replayed failures replayed exactly (every replay")
                .append(" failed again, by the same decisions; hunt does not replay a hang).\n\n");
        table.append("| program | bug | ").append(String.join(" | ", strategies)).append(" |\n");
        table.append("|---|---|").append("---|".repeat(strategies.size())).append('\n');
        int[] foundBy = new int[strategies.size()];
        for (Object[] program : PROGRAMS) {
            Class<?> type = (Class<?>) program[0];
            if (!type.getSimpleName().contains(only)) {
                continue;
            }
            table.append("| ").append(type.getSimpleName()).append(" | ").append(program[1]).append(" |");
            for (int s = 0; s < strategies.size(); s++) {
                String cell = cell(type, strategies.get(s), seconds, hunts);
                System.err.println(type.getSimpleName() + " " + strategies.get(s) + ": " + cell + " (load "
                        + ChildHunt.loadAverage() + ")");
                if (!cell.startsWith("0/")) {
                    foundBy[s]++;
                }
                table.append(' ').append(cell).append(" |");
            }
            table.append('\n');
        }
        table.append("| **programs found** | |");
        for (int count : foundBy) {
            table.append(' ').append(count).append(" |");
        }
        table.append('\n');
        table.append("\nLoad average at the end: ").append(ChildHunt.loadAverage()).append('\n');
        System.out.println(table);
    }

    private static String cell(Class<?> program, String strategy, int seconds, int hunts) throws Exception {
        int found = 0;
        int exact = 0;
        int replayed = 0;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < hunts; i++) {
            boolean plain = strategy.equals("plain");
            ChildHunt hunt = ChildHunt.run(List.of(), List.of("-cp", ChildHunt.testClasses(), "--no-races",
                    "--strategy", plain ? "none" : strategy, "--time", seconds + "s", "--round-timeout", "1s",
                    "--parallel", "2", program.getName()), seconds + 120L, !plain);
            if (hunt.status != 0 && hunt.status != 1) {
                throw new IllegalStateException("hunt of " + program.getName() + " failed to run:\n" + hunt.output);
            }
            if (hunt.found) {
                found++;
                times.add(hunt.timeToFirstFailureMillis);
                if (hunt.replays > 0) {
                    replayed++;
                    exact += hunt.everyReplayFailed ? exactReplays(hunt.scheduleReplays) : 0;
                }
            }
        }
        if (found == 0) {
            return "0/" + hunts;
        }
        Collections.sort(times);
        long median = times.get(times.size() / 2);
        String cell = found + "/" + hunts + " " + String.format(Locale.ROOT, "%.2fs", median / 1000.0);
        if (!strategy.startsWith("controlled-")) {
            return cell;
        }
        return cell + (replayed == 0 ? " (not replayed)" : " (" + exact + "/" + replayed + " exact)");
    }

    /** 1 when every replay of a controlled failure that failed again took the same decisions (and there was one). */
    private static int exactReplays(String check) {
        Matcher counts = check == null ? null : Pattern.compile("replayed exactly in (\\d+) of (\\d+)").matcher(check);
        return counts != null && counts.find() && counts.group(1).equals(counts.group(2))
                && !counts.group(2).equals("0") ? 1 : 0;
    }
}
