package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jostled failures the docs show to be real bugs of pool, known by their evidence rather than by test name (a
 * bug in shared code can fail any test that reaches it): {@code evidence & evidence ... | why}, one a line;
 * {@code #} starts a comment line. A failure is this bug when its report holds every piece of evidence.
 */
final class RealFailures {

    record Entry(List<String> evidence, String why) {

        boolean explains(String failure) {
            return failure != null && evidence.stream().allMatch(failure::contains);
        }
    }

    private final List<Entry> entries;

    private RealFailures(List<Entry> entries) {
        this.entries = entries;
    }

    static RealFailures read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String[] fields : ListFile.read(file, 2, "evidence & evidence ... | why")) {
            entries.add(new Entry(Arrays.stream(fields[0].split("\\s+&\\s+")).map(String::strip).toList(),
                    fields[1]));
        }
        return new RealFailures(entries);
    }

    /** The entry whose evidence this failure report holds, or {@code null}. */
    Entry explaining(String failure) {
        return entries.stream().filter(e -> e.explains(failure)).findFirst().orElse(null);
    }
}
