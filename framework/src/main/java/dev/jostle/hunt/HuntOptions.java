package dev.jostle.hunt;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Defaults;
import dev.jostle.engine.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code hunt} was asked to do, as read from the command line.
 *
 * @param classPath    the program's class path entries, as given
 * @param time         the wall-clock budget
 * @param rounds       the round budget; 0 for none (then the time budget alone ends the hunt)
 * @param strategy     the noise strategy
 * @param seed         the base seed: round {@code i} runs under {@code seed + i} (of its shard's first seed)
 * @param shard        the part of the seed space this hunt searches ({@link Shard#WHOLE} unless sharded)
 * @param roundTimeout a round running longer is a hang
 * @param parallel     rounds run at once (in-process; with forks, one per fork)
 * @param forks        child JVMs the rounds run in; 0 to run them in this JVM
 * @param roundsPerFork rounds a fork runs before it is replaced by a fresh one
 * @param json         where to write the result as JSON, or null
 * @param assertions   whether {@code assert} is enabled in the program's classes
 * @param races        whether every round looks for data races (reported apart from failures)
 * @param replays      how many times a failing round's seed is replayed to check it before it is reported
 * @param failOnOutput a round that prints a line containing a match of it fails; null for none
 * @param main         what each round calls: the main class, {@code Class#method} or {@code Class#@Test}
 * @param args         the program's arguments (only a main takes them)
 */
public record HuntOptions(List<String> classPath, Duration time, int rounds, Strategy strategy, long seed,
        Shard shard, Duration roundTimeout, int parallel, int forks, int roundsPerFork, Path json, boolean assertions, boolean races, int replays,
        Pattern failOnOutput, ProgramMain main, List<String> args) {

    public HuntOptions {
        classPath = List.copyOf(classPath);
        args = List.copyOf(args);
    }

    // The hunt's names for the defaults both front-ends keep in one place.
    public static final Duration DEFAULT_TIME = Defaults.HUNT_TIME;
    public static final Duration DEFAULT_ROUND_TIMEOUT = Defaults.ROUND_TIMEOUT;
    public static final Strategy DEFAULT_STRATEGY = Defaults.STRATEGY;
    public static final int DEFAULT_REPLAYS = Defaults.REPLAYS;

    /** The seed of this hunt's round 0: the base seed, moved to the start of its shard. */
    public long firstSeed() {
        return shard.firstSeed(seed);
    }

    /** Rounds that run at once: one per fork, or {@code --parallel} in-process. */
    public int atOnce() {
        return forks > 0 ? forks : parallel;
    }
}
