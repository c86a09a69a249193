package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.race.Race;
import dev.jostle.engine.CampaignResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The race detector on the samples, with noise off: no fix is ever reported, and the bug noise cannot
 * expose (a stop flag without volatile) is reported as the race it is, in rounds that all pass.
 */
class RaceSamplesTests {

    private static final int ROUNDS = 30;

    /**
     * Single rounds to try for a passing one that reports the race. Most broken samples race in every
     * round; Escape_01_Broken in about 1 passing round in 7 (docs/performance.md), as its sensor often sends
     * every reading before the thermometer has registered: 200 tries leave it a chance of about 1e-13 to
     * miss by bad luck (0.86^200), and stop at the first success.
     */
    private static final int TRIES = 200;

    @TestFactory
    Stream<DynamicTest> everyFix_withTheDetectorOn_reportsNoRace() {
        return Catalogue.variants().stream()
                .filter(v -> !v.broken())
                .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> {
                    CampaignResult result = SampleCampaigns.watchForRaces(variant, ROUNDS);

                    assertEquals("", result.races().stream().map(Race::describe).collect(Collectors.joining("\n")),
                            variant.name() + " is a fix: a race report here is a false alarm");
                }));
    }

    /**
     * The broken samples whose bug is a data race the detector can see, and the variable it is on. Not here:
     * the deadlocks, the livelock, the lost wake-ups, starvation and the two-call atomicity violations
     * (Tickets, PutIfAbsent), which synchronise every access and race on nothing; and Guestbook and
     * Pipeline, whose races are inside {@code java.util.ArrayList}, JDK code the agent does not instrument
     * (calls through {@code List} count as synchronising, as the list might be a concurrent one).
     */
    private static final Map<String, List<String>> DATA_RACES = Map.of(
            "LostUpdate_01_Broken", List.of("LostUpdate_01_Broken.cakes"),
            "LazyInit_01_Broken", List.of("LazyInit_01_Broken.oven", "LazyInit_01_Broken.built"),
            "DoubleChecked_01_Broken", List.of("DoubleChecked_01_Broken.prices"),
            "HalfBuilt_01_Broken", List.of("HalfBuilt_01_Broken.current", "HalfBuilt_01_Broken$Order.item",
                    "HalfBuilt_01_Broken$Order.quantity"),
            "Escape_01_Broken", List.of("Escape_01_Broken.unit"),
            "StopFlag_01_Broken", List.of("StopFlag_01_Broken.stopped"),
            "Search_01_Broken", List.of("Search_01_Broken.found", "Search_01_Broken.position"));

    /**
     * One round at a time, noise off, until a round that passes reports the race: the detector's verdict
     * does not wait for the unlucky interleaving. (A round whose threads never meet, such as a sensor that
     * sent every reading before the thermometer registered, has no race to report.)
     */
    @TestFactory
    Stream<DynamicTest> everyBrokenDataRace_inARoundThatPasses_isReportedOnItsVariable() {
        return DATA_RACES.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
            Variant variant = Catalogue.variants().stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " is not in the catalogue"));
            StringBuilder seen = new StringBuilder();
            for (long seed = 1; seed <= TRIES; seed++) {
                CampaignResult round = SampleCampaigns.watchForRaces(variant, seed, 1);
                if (round.failures() == 0 && round.races().stream().anyMatch(race -> onOneOf(race, name))) {
                    return;
                }
                seen.append("\n  seed ").append(seed).append(round.failures() == 0 ? ": passed" : ": failed")
                        .append(", races on ").append(round.races().stream().map(Race::variable).toList());
            }
            throw new AssertionError(name + ": no passing round reported a race on " + DATA_RACES.get(name)
                    + " in " + TRIES + " rounds:" + seen);
        }));
    }

    private static boolean onOneOf(Race race, String variant) {
        return DATA_RACES.get(variant).stream().anyMatch(variable -> race.variable().endsWith("." + variable));
    }

    @Test
    void stopFlagWithoutVolatile_noiseOff_isReportedAsARaceOnTheFlag() {
        Variant stopFlag = Catalogue.variants().stream()
                .filter(v -> v.name().equals("StopFlag_01_Broken")).findFirst().orElseThrow();

        CampaignResult result = SampleCampaigns.watchForRaces(stopFlag, ROUNDS);

        assertEquals(0, result.failures(), "its rounds pass under the agent: the race is the only evidence");
        assertTrue(result.races().stream().anyMatch(race -> race.variable().endsWith("StopFlag_01_Broken.stopped")),
                "races: " + result.races());
    }
}
