package dev.jostle.programs.junitstyle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the lifecycle fixtures called in one round, in order, appended as one line to the file named by the
 * system property {@value #FILE_PROPERTY} (when set). Its list is static: a round loads the class afresh, so
 * each round starts with an empty one.
 */
public final class LifecycleRecord {

    public static final String FILE_PROPERTY = "jostle.fixture.lifecycle";

    private static final List<String> CALLS = new ArrayList<>();

    private LifecycleRecord() {
    }

    public static synchronized void called(String what) {
        CALLS.add(what);
    }

    /** Appends the round's calls as one line; the last lifecycle method calls it. */
    public static synchronized void write() {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), String.join(",", CALLS) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
