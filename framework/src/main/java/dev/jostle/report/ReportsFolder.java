package dev.jostle.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The folder of reports: one JSON file per jostled test and the {@code index.html} over all of them.
 *
 * <p>Several JVMs may write into one folder at once (Surefire forks), and several threads of one JVM (JUnit's
 * parallel execution). So every file is written whole to a temporary file and moved into place, and the index
 * is rebuilt from every JSON file in the folder while holding a lock on {@value #LOCK_FILE}: the last test to
 * finish rebuilds it last, and sees every report written before it.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportsFolder {

    /** The setting: a system property or a JUnit configuration parameter. */
    public static final String REPORTS_DIR = "jostle.reportsDir";
    /** Maven's build folder: under Surefire the working directory is the module's own folder. */
    public static final String DEFAULT_REPORTS_DIR = "target/jostle";
    public static final String INDEX = "index.html";
    static final String LOCK_FILE = ".index.lock";

    /** A file lock is held per JVM, not per thread: threads of one JVM take turns here first. */
    private static final Object JVM_LOCK = new Object();

    private final Path dir;

    public ReportsFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * The folder the settings name: the system property first (a CI run overrides the project's own file),
     * then the configuration parameter, then {@value #DEFAULT_REPORTS_DIR}; a relative path is resolved
     * against the working directory.
     */
    public static ReportsFolder resolve(Function<String, Optional<String>> configurationParameter) {
        String value = System.getProperty(REPORTS_DIR);
        if (value == null || value.isBlank()) {
            value = configurationParameter.apply(REPORTS_DIR).filter(v -> !v.isBlank()).orElse(DEFAULT_REPORTS_DIR);
        }
        return new ReportsFolder(Paths.get(value.trim()));
    }

    public Path dir() {
        return dir;
    }

    /** {@code org.acme.FooTests#bar} is written to {@code org.acme.FooTests.bar.json}. */
    public Path fileFor(String test) {
        return dir.resolve(test.replace('#', '.') + ".json");
    }

    public Path index() {
        return dir.resolve(INDEX);
    }

    /** Writes the report's JSON file, then rebuilds the index; returns the JSON file. */
    public Path write(TestReport report) throws IOException {
        Files.createDirectories(dir);
        Path file = fileFor(report.test());
        writeAtomically(file, ReportJson.toJson(report) + "\n");
        rebuildIndex();
        return file;
    }

    /** Rebuilds {@code index.html} from every report in the folder. */
    public void rebuildIndex() throws IOException {
        Files.createDirectories(dir);
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                writeAtomically(index(), IndexPage.render(readAll()));
            }
        }
    }

    /** Every report in the folder, by test name; a JSON file that is not a report is passed over. */
    public List<TestReport> readAll() throws IOException {
        List<TestReport> reports = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return reports;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : files) {
                try {
                    reports.add(ReportJson.read(file));
                } catch (JsonParseException | IOException notAReport) {
                    // Another tool's file, or one removed since it was listed: the index shows what it can.
                }
            }
        }
        reports.sort(Comparator.comparing(TestReport::test));
        return reports;
    }

    private void writeAtomically(Path target, String text) throws IOException {
        // Hidden and not *.json, so a reader listing the folder never takes it for a report. Not createTempFile:
        // its files are private to their owner, and a report is for everyone who may read the build's output.
        Path temporary = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notHere) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
