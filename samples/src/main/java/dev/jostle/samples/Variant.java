package dev.jostle.samples;

import dev.jostle.engine.FailureKind;
import dev.jostle.engine.RoundBody;
import java.util.Set;

/**
 * One entry of the catalogue: a sample class and how to run one checked round of it.
 *
 * @param bug      the bug's short name, shared by the broken variant and its fixes
 * @param name     the sample class's simple name, e.g. {@code LostUpdate_01_Broken}
 * @param style    broken, or the style of the fix
 * @param expected for a broken variant, the kinds of failure it shows; empty for a fix
 * @param round    one checked run of the scenario: throws (or deadlocks, or hangs) when the bug shows
 * @param outOfReach for a broken variant that scheduling noise cannot expose, why (and what will); null
 *                 otherwise. Such a variant is still run and its real verdict printed.
 */
public record Variant(String bug, String name, FixStyle style, Set<FailureKind> expected, RoundBody round,
        String outOfReach) {

    public Variant {
        if ((style == FixStyle.BROKEN) == expected.isEmpty()) {
            throw new IllegalArgumentException(name + ": a broken variant names the failures it shows, a fix none");
        }
        if (outOfReach != null && style != FixStyle.BROKEN) {
            throw new IllegalArgumentException(name + ": only a broken variant can be out of noise's reach");
        }
        expected = Set.copyOf(expected);
    }

    /** The same variant, marked as a bug that scheduling noise cannot expose, and why. */
    public Variant outOfReach(String why) {
        return new Variant(bug, name, style, expected, round, why);
    }

    public boolean broken() {
        return style == FixStyle.BROKEN;
    }

    @Override
    public String toString() {
        return bug + " / " + name;
    }
}
