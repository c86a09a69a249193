package dev.jostle.samples.pipeline;

import java.util.ArrayList;
import java.util.List;

/** The checked scenario: one night's work on {@link #PIECES} pieces of leather; each sewn exactly once. */
public final class NightScenario {

    static final int PIECES = 8;

    private NightScenario() {
    }

    public static void run(Workshop workshop) {
        List<String> leather = new ArrayList<>();
        for (int i = 0; i < PIECES; i++) {
            leather.add("piece " + i);
        }
        List<String> shelf = new ArrayList<>(workshop.work(leather));
        List<String> expected = new ArrayList<>();
        leather.forEach(piece -> expected.add(Workshop.sew(piece)));
        shelf.sort(null);
        expected.sort(null);
        if (!shelf.equals(expected)) {
            throw new AssertionError("the shelf holds " + shelf + "; expected one shoe per piece: " + expected);
        }
    }
}
