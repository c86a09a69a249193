package dev.jostle.stress.realworld;

import java.io.IOException;
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
        for (String[] fields : ListFile.read(file, 4, "field | site | other site | why")) {
            entries.add(new Entry(fields[0], fields[1], fields[2], fields[3]));
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
