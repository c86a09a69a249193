package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The proving ground's list files ({@code allowed-races.txt}, {@code real-failures.txt}): one entry a line, its
 * fields separated by {@code " | "}, the last a reason; {@code #} starts a comment line. A missing file is an
 * empty list; a line short of a field or with a blank one is an error naming the file and line.
 */
final class ListFile {

    private ListFile() {
    }

    /** Each entry's fields, stripped; {@code shape} shows the expected form in an error. */
    static List<String[]> read(Path file, int fields, String shape) throws IOException {
        List<String[]> entries = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return entries;
        }
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+\\|\\s+", fields);
            if (parts.length < fields || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IOException(file + ":" + number + ": expected '" + shape + "', with a reason, but got: "
                        + trimmed);
            }
            entries.add(Arrays.stream(parts).map(String::strip).toArray(String[]::new));
        }
        return entries;
    }
}
