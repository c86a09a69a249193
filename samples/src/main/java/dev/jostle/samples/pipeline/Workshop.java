package dev.jostle.samples.pipeline;

import java.util.List;

/**
 * The shoemaker's workshop: the shoemaker cuts leather into pieces, two elves sew each piece into a
 * shoe and put it on the shelf. The pipeline contract: every variant runs its own three stages.
 */
public interface Workshop {

    /** Runs the night's work on the given leather and returns the shelf: one shoe per piece. */
    List<String> work(List<String> leather);

    /** What an elf makes of a piece. */
    static String sew(String piece) {
        return "shoe from " + piece;
    }
}
