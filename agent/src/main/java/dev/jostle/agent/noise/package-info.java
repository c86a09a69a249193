/**
 * Scheduling noise: runs inside the JVM under test, on a round's own threads, at every scheduling point they
 * reach. It holds the plans that decide whether and how long a thread is held back ({@code RandomNoise},
 * {@code PctNoise}, {@code HaltOneNoise}, {@code TargetedNoise}, made by {@link dev.jostle.agent.noise.NoisePlans}
 * from the round seed, with their shared {@code Budget}, {@code Jitter} and {@code Draws}), and
 * {@link dev.jostle.agent.noise.Delays}, the one way they wait (the real scheduler, or a test's record). A
 * plan sees a thread only as a {@link dev.jostle.agent.noise.NoiseThread}, which the round implements, and
 * derives seeds with {@link dev.jostle.agent.noise.SplitMix}: the package knows nothing of rounds, so
 * {@code runtime} builds on it and never the other way round.
 */
package dev.jostle.agent.noise;
