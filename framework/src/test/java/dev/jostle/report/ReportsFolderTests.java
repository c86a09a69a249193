package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsFolderTests {

    @TempDir
    Path dir;

    @Test
    void testName_fileFor_replacesTheHashWithADot() {
        assertEquals(dir.resolve("org.acme.Foo$Bar.baz.json"), new ReportsFolder(dir).fileFor("org.acme.Foo$Bar#baz"));
    }

    @Test
    void reportWrittenByAnotherJvm_write_isInTheRebuiltIndexToo() throws Exception {
        // Another JVM's report: already in the folder, written by someone else.
        Files.writeString(dir.resolve("org.acme.Other.run.json"), ReportJson.toJson(SampleReports.passed("org.acme.Other#run")));
        Files.writeString(dir.resolve("unrelated.json"), "{\"tool\": \"something else\"}");

        new ReportsFolder(dir).write(SampleReports.failedWithRace("org.acme.Mine#run"));

        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(index.contains("org.acme.Other#run"), index);
        assertTrue(index.contains("org.acme.Mine#run"), index);
        assertTrue(index.contains("2 tests: 1 passed, 1 failed"), "a JSON file that is not a report is passed over");
    }

    @Test
    void manyTestsFinishingAtOnce_write_leaveEveryReportInTheIndex() throws Exception {
        ReportsFolder folder = new ReportsFolder(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Path>> writers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String test = "org.acme.Parallel#test" + i;
            writers.add(() -> folder.write(SampleReports.passed(test)));
        }
        try {
            for (Future<Path> written : pool.invokeAll(writers)) {
                written.get();
            }
        } finally {
            pool.shutdown();
        }

        String index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            assertTrue(index.contains(">org.acme.Parallel#test" + i + "</a>"), "test" + i);
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(file -> file.getFileName().toString().endsWith(".tmp")).count(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void writtenFiles_write_areAsReadableAsAnyNewFileThere() throws Exception {
        assumePosix();
        Path plain = Files.writeString(dir.resolve("plain.txt"), "any new file");

        Path json = new ReportsFolder(dir).write(SampleReports.passed("a.B#c"));

        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(json));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("index.html")));
    }

    private void assumePosix() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "file permissions are POSIX here");
    }

    @Test
    void relativeSetting_resolve_isTakenFromTheWorkingDirectory() {
        Map<String, String> parameters = Map.of("jostle.reportsDir", "build/jostle-reports");

        ReportsFolder folder = ReportsFolder.resolve(key -> Optional.ofNullable(parameters.get(key)));

        assertEquals(Path.of("").toAbsolutePath().resolve("build/jostle-reports"), folder.dir());
    }

    @Test
    void noSetting_resolve_isTargetJostle() {
        ReportsFolder folder = ReportsFolder.resolve(key -> Optional.empty());

        assertEquals(Path.of("").toAbsolutePath().resolve("target/jostle"), folder.dir());
    }

    @Test
    void reportsInTheFolder_readAll_areSortedByTestName() throws Exception {
        ReportsFolder folder = new ReportsFolder(dir);
        folder.write(SampleReports.passed("b.B#b"));
        folder.write(SampleReports.passed("a.A#a"));

        assertEquals(List.of("a.A#a", "b.B#b"),
                folder.readAll().stream().map(TestReport::test).collect(Collectors.toList()));
    }
}
