package dev.jostle.stress.realworld;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The races in pool's main code that the docs show to be real or harmless, one a line:
 * {@code field | site | other site | why}; {@code #} starts a comment line.
 */
final class AllowedRaces {

    record Entry(String field, String siteA, String siteB, String why) {
    }

    private final List<Entry> entries;

    private AllowedRaces(List<Entry> entries) {
        this.entries = entries;
    }

    static AllowedRaces read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return new AllowedRaces(entries);
        }
        int number = 0;
        for (String line : Files.readAllLines(file)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+\\|\\s+", 4);
            if (parts.length < 4 || parts[3].isBlank()) {
                throw new IOException(file + ":" + number
                        + ": expected 'field | site | other site | why', with a reason, but got: " + trimmed);
            }
            entries.add(new Entry(parts[0], parts[1], parts[2], parts[3]));
        }
        return new AllowedRaces(entries);
    }

    /** The entry that allows this race, or {@code null}. */
    Entry allowing(Race race) {
        return entries.stream()
                .filter(e -> race.samePlaceAs(e.field(), e.siteA(), e.siteB()))
                .findFirst()
                .orElse(null);
    }

    List<Entry> entries() {
        return entries;
    }
}
