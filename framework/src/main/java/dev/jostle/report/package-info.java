/**
 * The files a jostled test leaves behind, for people and for tools: one JSON file per test
 * ({@link dev.jostle.report.TestReport}, named {@code fully.qualified.Class.method.json}) and an
 * {@code index.html} over all of them, in the folder {@code jostle.reportsDir} names (default
 * {@code target/jostle}); and the one console line that points there.
 *
 * <p>Several test JVMs (Surefire forks) may write into one folder at once: each file is written to a temporary
 * file and moved into place, and the index is rebuilt from every JSON file in the folder under a file lock.
 * It runs in the test JVM once a test's rounds are over, and is never instrumented (see the agent's default
 * exclusions).
 */
package dev.jostle.report;
