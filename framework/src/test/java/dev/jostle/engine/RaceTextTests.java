package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jostle.agent.race.Race;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race block hunt, merge and @Jostled print: each race's lines indented, nothing after the last. */
class RaceTextTests {

    private static Race race(String variable) {
        return new Race(variable, new Race.Access("a", true, null, List.of()),
                new Race.Access("b", false, null, List.of(new StackTraceElement("com.acme.Box", "get", "Box.java", 3))));
    }

    @Test
    void twoRaces_describe_indentsEveryLineByTwoAndEndsWithoutALineBreak() {
        String one = "  data race on com.acme.Box.count\n"
                + "      write in thread \"a\" at (unknown site)\n"
                + "      read in thread \"b\" at (unknown site)\n"
                + "        at com.acme.Box.get(Box.java:3)";

        assertEquals(one + "\n" + one.replace("count", "size"),
                RaceText.describe(List.of(race("com.acme.Box.count"), race("com.acme.Box.size"))));
    }

    @Test
    void describedRaces_indent_layTheTextOutAsDescribeDoes() {
        List<Race> races = List.of(race("com.acme.Box.count"));

        assertEquals(RaceText.describe(races), RaceText.indent(List.of(races.get(0).describe())));
    }

    @Test
    void count_saysRaceOrRaces() {
        assertEquals("1 data race", RaceText.count(1));
        assertEquals("2 data races", RaceText.count(2));
    }
}
