package dev.jostle.stress.realworld;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A small proving ground on disk, as the realworld profile leaves it: Surefire XML of the three runs and
 * POOL-419's two, Jostle's JSON reports, a tests jar and an allow-list. It starts out passing; each test
 * breaks one thing.
 */
final class ProvingGroundFixture {

    static final String POOL = "org.apache.commons.pool2.impl.TestGenericObjectPool";
    static final String DEQUE = "org.apache.commons.pool2.impl.TestLinkedBlockingDeque";
    static final String MAIN_SITE_A = "org.apache.commons.pool2.impl.GenericObjectPool.returnObject(GenericObjectPool.java:1000)";
    static final String MAIN_SITE_B = "org.apache.commons.pool2.impl.GenericObjectPool.invalidateObject(GenericObjectPool.java:900)";
    static final String TEST_SITE_A = "org.apache.commons.pool2.impl.TestGenericObjectPool$InvalidateThread.run(TestGenericObjectPool.java:300)";
    static final String TEST_SITE_B = "org.apache.commons.pool2.impl.TestGenericObjectPool.testConcurrentInvalidate(TestGenericObjectPool.java:1200)";

    final Path dir;

    ProvingGroundFixture(Path dir) throws IOException {
        this.dir = dir;
        for (String run : new String[] {"plain", "agent-only", "jostled"}) {
            surefire(run, POOL, "testThreaded1", "passed", 5.5);
            surefire(run, DEQUE, "testPutFirst", "passed", 0.1);
        }
        jostleReport(POOL, "testThreaded1", "passed", 4, "[]");
        jostleReport(DEQUE, "testPutFirst", "passed", 40, "[]");
        surefire("pool419-broken", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST,
                "failed:POOL-419: a return racing an invalidate left the pool counting -1 active objects", 3.0);
        surefire("pool419-fixed", Pool419Runs.TEST_CLASS, Pool419Runs.JOSTLED_TEST, "passed", 10.0);
        surefire("pool419-fixed", Pool419Runs.TEST_CLASS, Pool419Runs.PLAIN_TEST, "passed", 10.0);
        plainCounts("pool419-broken", "2.12.1", 5000, 2);
        plainCounts("pool419-fixed", "2.13.0", 5000, 0);
        testsJar(POOL, POOL + "$InvalidateThread", DEQUE);
        Files.writeString(allowList(), "# field | site | site | why\n");
        Files.writeString(realFailures(), "# evidence & evidence | why\n");
    }

    Path testsJar() {
        return dir.resolve("lib/tests.jar");
    }

    Path realFailures() {
        return dir.resolve("real-failures.txt");
    }

    Path allowList() {
        return dir.resolve("allowed-races.txt");
    }

    RealWorldCheck.Result check() throws IOException {
        return RealWorldCheck.check(new RealWorldCheck.Settings(dir, testsJar(), allowList(), realFailures(), 3,
                "org.apache.commons.pool2.", "2.12.1", "2.13.0"));
    }

    /** Writes (or rewrites) a run's report of one test class holding one test; outcome "passed" or "failed:msg". */
    void surefire(String run, String className, String test, String outcome, double seconds) throws IOException {
        Path file = surefireFile(run, className, test);
        Files.createDirectories(file.getParent());
        String body = outcome.startsWith("failed:")
                ? "<failure message=\"" + outcome.substring("failed:".length()) + "\" type=\"org.opentest4j.AssertionFailedError\"/>"
                : outcome.equals("skipped") ? "<skipped message=\"disabled\"/>" : "";
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + className + "\" time=\"" + seconds + "\" tests=\"1\">\n"
                + "  <testcase name=\"" + test + "\" classname=\"" + className + "\" time=\"" + seconds + "\">"
                + body + "</testcase>\n</testsuite>\n");
    }

    /** One report file per test, so that a class's tests can be written one by one. */
    Path surefireFile(String run, String className, String test) {
        return dir.resolve(run).resolve("TEST-" + className + "-" + test.replaceAll("\\W", "_") + ".xml");
    }

    /** Writes a jostled test's JSON report; races is a JSON array. */
    void jostleReport(String className, String method, String verdict, int rounds, String races) throws IOException {
        Path file = dir.resolve("jostled/jostle").resolve(className + "." + method + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"test\": \"" + className + "#" + method + "\", \"verdict\": \"" + verdict
                + "\", \"failed\": " + verdict.equals("failed") + ", \"jostledRounds\": " + rounds
                + ", \"roundsWithoutNoise\": 1, \"minRounds\": 3, \"seed\": 42, \"strategy\": \"mixed\","
                + " \"failure\": null, \"races\": " + races + "}");
    }

    static String race(String field, String siteA, String siteB) {
        return "{\"field\": \"" + field + "\", \"accesses\": ["
                + "{\"thread\": \"t1\", \"kind\": \"write\", \"site\": \"" + siteA + "\", \"stack\": []},"
                + "{\"thread\": \"t2\", \"kind\": \"read\", \"site\": \"" + siteB + "\", \"stack\": []}]}";
    }

    void plainCounts(String run, String version, int tries, int caught) throws IOException {
        Path file = dir.resolve(run).resolve(Pool419Runs.PLAIN_COUNTS);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "poolVersion=" + version + "\nbudget=10s\nworkers=2\ntries=" + tries
                + "\ncaught=" + caught + "\nfirstFinding=\n");
    }

    private void testsJar(String... classNames) throws IOException {
        Files.createDirectories(testsJar().getParent());
        try (OutputStream out = Files.newOutputStream(testsJar()); JarOutputStream jar = new JarOutputStream(out)) {
            for (String name : classNames) {
                jar.putNextEntry(new JarEntry(name.replace('.', '/') + ".class"));
                jar.closeEntry();
            }
        }
    }
}
