package dev.jostle.engine;

import dev.jostle.agent.race.Race;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Data races as text, in the words and layout every report of hunt and {@code @Jostled} shares. */
public final class RaceText {

    private RaceText() {
    }

    /** "1 data race", "3 data races". */
    public static String count(int races) {
        return races + (races == 1 ? " data race" : " data races");
    }

    /** Each race's description ({@link Race#describe()}), indented by two spaces; no line break at the end. */
    public static String describe(List<Race> races) {
        return indent(races.stream().map(Race::describe).collect(Collectors.toList()));
    }

    /** Races already described (as a hunt's result file keeps them), laid out as {@link #describe(List)}. */
    public static String indent(Collection<String> described) {
        StringBuilder text = new StringBuilder();
        for (String race : described) {
            text.append("  ").append(race.replace("\n", "\n  ")).append('\n');
        }
        return text.toString().stripTrailing();
    }
}
