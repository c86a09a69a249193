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
 */
public record Variant(String bug, String name, FixStyle style, Set<FailureKind> expected, RoundBody round) {

    public Variant {
        if ((style == FixStyle.BROKEN) == expected.isEmpty()) {
            throw new IllegalArgumentException(name + ": a broken variant names the failures it shows, a fix none");
        }
        expected = Set.copyOf(expected);
    }

    public boolean broken() {
        return style == FixStyle.BROKEN;
    }

    @Override
    public String toString() {
        return bug + " / " + name;
    }
}
