/**
 * The agent's overhead benchmark ({@code OverheadBenchmark}) and its workload: a driver that starts a child JVM per
 * configuration (plain, hooks disarmed, race detection, ...) and times the workload inside it. Test code, never
 * shipped; how to run it and its figures are in docs/performance.md.
 */
package dev.jostle.bench;
