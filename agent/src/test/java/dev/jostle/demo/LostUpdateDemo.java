package dev.jostle.demo;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.agent.runtime.Round;
import dev.jostle.agent.runtime.RoundReport;
import dev.jostle.agent.runtime.Seeds;
import dev.jostle.agent.runtime.Session;
import dev.jostle.agent.runtime.Strategy;
import java.util.Locale;

/**
 * The bug Jostle exists for, in twenty lines: two threads increment a plain {@code int} 50 times each.
 * {@code count++} is a read, an add and a write, so when one thread is paused between its read and its
 * write while the other increments, an update is lost. Without noise that almost never happens: a thread
 * does its 50 increments in well under a microsecond, long before the other has even started. Under
 * Jostle's noise the same code loses updates in a good share of rounds.
 *
 * <p>Run it (after {@code mvn -B -q package -pl agent -DskipTests}; the demo lives in the agent's test classes,
 * not in the jar):
 * <pre>
 * java -javaagent:agent/target/jostle-agent.jar -cp agent/target/test-classes dev.jostle.demo.LostUpdateDemo
 * </pre>
 * Options: {@code --rounds N} (default 1000 per side), {@code --seconds S} (time limit per side, default 20),
 * {@code --strategy S} (default mixed), {@code --seed N}, {@code --threads N} (2), {@code --increments N} (50).
 *
 * <p>This package is not excluded from instrumentation (unlike {@code dev.jostle.agent}), so the agent
 * instruments this class like any user code.
 */
public final class LostUpdateDemo {

    /** The shared state: a plain field, no lock, no volatile. */
    static final class Counter {
        int count;

        void increment() {
            count++;
        }
    }

    private int rounds = 1_000;
    private long seconds = 20;
    private Strategy strategy = Strategy.MIXED;
    private long seed = Seeds.random();
    private int threads = 2;
    private int increments = 50;

    public static void main(String[] args) throws InterruptedException {
        LostUpdateDemo demo = new LostUpdateDemo();
        try {
            demo.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("LostUpdateDemo: " + bad.getMessage());
            System.exit(2);
        }
        if (!JostleRuntime.isInstalled()) {
            System.err.println("LostUpdateDemo: the Jostle agent is not installed; run with "
                    + "-javaagent:agent/target/jostle-agent.jar");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "%d threads x %d increments of a plain int, seed %d%n", demo.threads,
                demo.increments, demo.seed);
        Outcome without = demo.run(Strategy.NONE);
        System.out.println("without jostling: " + without);
        Outcome with = demo.run(demo.strategy);
        System.out.println("with jostling (" + demo.strategy + "): " + with);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--rounds":
                    rounds = positive(option, value);
                    break;
                case "--seconds":
                    seconds = positive(option, value);
                    break;
                case "--strategy":
                    strategy = Strategy.fromId(value);
                    break;
                case "--seed":
                    seed = parseLong(option, value);
                    break;
                case "--threads":
                    threads = positive(option, value);
                    break;
                case "--increments":
                    increments = positive(option, value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option '" + option
                            + "'; known: --rounds, --seconds, --strategy, --seed, --threads, --increments");
            }
        }
    }

    private static int positive(String option, String value) {
        long parsed = parseLong(option, value);
        if (parsed < 1 || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " " + value + ": must be a positive number");
        }
        return (int) parsed;
    }

    private static long parseLong(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a number");
        }
    }

    /** Runs up to {@link #rounds} rounds (or {@link #seconds}) under one strategy and counts lost updates. */
    private Outcome run(Strategy under) throws InterruptedException {
        Session session = JostleRuntime.newSession(under, seed, false);
        if (session.wantsObservation()) {
            Round observation = session.openObservationRound(Thread.currentThread());
            try (Round.Binding binding = observation.bind()) {
                incrementConcurrently();
            } finally {
                observation.end();
            }
        }
        Outcome outcome = new Outcome();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int i = 0; i < rounds && System.nanoTime() - deadline < 0; i++) {
            Round round = session.openRound(i, Thread.currentThread());
            int count;
            try (Round.Binding binding = round.bind()) {
                count = incrementConcurrently();
            } finally {
                RoundReport report = round.end();
                outcome.rounds++;
                outcome.last = report;
            }
            if (count != threads * increments) {
                outcome.failed(outcome.last, count);
            }
        }
        return outcome;
    }

    /** One round's program: start the threads, let each increment, wait; returns the final count. */
    private int incrementConcurrently() throws InterruptedException {
        Counter counter = new Counter();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int n = 0; n < increments; n++) {
                    counter.increment();
                }
            }, "incrementer-" + t);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(10_000); // a round never hangs the demo
        }
        return counter.count;
    }

    private final class Outcome {
        int rounds;
        int failures;
        RoundReport last;
        RoundReport first;
        int firstCount;

        void failed(RoundReport report, int count) {
            if (failures++ == 0) {
                first = report;
                firstCount = count;
            }
        }

        @Override
        public String toString() {
            String text = failures + " of " + rounds + " rounds lost an update";
            if (first != null) {
                text += String.format(Locale.ROOT, " (first in round %d: count %d instead of %d; %s; replay: "
                        + "--seed %d --rounds 1)", first.index(), firstCount, threads * increments, first.plan(),
                        first.seed());
            }
            return text;
        }
    }
}
