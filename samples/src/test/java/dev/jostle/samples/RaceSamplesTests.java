package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.race.Race;
import dev.jostle.engine.CampaignResult;
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
