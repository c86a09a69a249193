/**
 * The hunt benchmarks: {@code HuntThroughputBenchmark} (rounds per second and memory over many rounds) and {@code
 * DetectionBenchmark} (how often and how fast each strategy finds each program of {@code
 * dev.jostle.programs.buggy}). Both drive child hunts ({@code java -jar jostle.jar hunt}) from outside and time
 * them; how to run them and their figures are in docs/performance.md.
 */
package dev.jostle.hunt.bench;
