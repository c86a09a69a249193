package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.engine.CampaignResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every broken sample is caught by jostling, with the kind of failure its story describes. */
class BrokenSamplesTests {

    /** The budget of the default suite run; every broken variant must be caught well within it. */
    private static final int BUDGET = 500;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(JostleRuntime.isInstalled(), "the samples' tests run with -javaagent (see samples/pom.xml)");
    }

    @TestFactory
    Stream<DynamicTest> brokenVariant_jostled_isCaughtWithTheExpectedKind() {
        return Catalogue.variants().stream()
                .filter(v -> v.broken() && v.outOfReach() == null)
                .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> {
                    CampaignResult result = SampleCampaigns.jostle(variant, BUDGET, true);

                    assertTrue(result.found(), variant.name() + " was not caught in " + result.rounds()
                            + " jostled rounds");
                    assertTrue(variant.expected().contains(result.firstFailure().kind()), variant.name()
                            + " failed as " + result.firstFailure().headline() + "; expected one of "
                            + variant.expected());
                }));
    }

    /**
     * The stop-flag hang is out of noise's reach under the agent (see StopFlag_01_Broken). If this starts
     * failing, noise now exposes it: drop its outOfReach mark in the catalogue.
     */
    @Test
    void stopFlagWithoutVolatile_jostled_isHonestlyReportedAsOutOfReach() {
        Variant stopFlag = Catalogue.variants().stream()
                .filter(v -> v.name().equals("StopFlag_01_Broken")).findFirst().orElseThrow();

        CampaignResult result = SampleCampaigns.jostle(stopFlag, 50, true);

        assertFalse(result.found(), "StopFlag_01_Broken failed under the agent: "
                + (result.found() ? result.firstFailure().headline() : ""));
    }
}
