package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.runtime.JostleRuntime;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.RoundOutcome;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fix survives jostled rounds with no failure. The suite runner's default run gives each fix 300
 * rounds and its long mode 5000; here each gets {@link #ROUNDS}, to keep the build fast.
 */
class FixedSamplesTests {

    private static final int ROUNDS = 100;

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(JostleRuntime.isInstalled(), "the samples' tests run with -javaagent (see samples/pom.xml)");
    }

    @TestFactory
    Stream<DynamicTest> fix_jostled_survivesEveryRound() {
        return Catalogue.variants().stream()
                .filter(v -> !v.broken())
                .map(variant -> DynamicTest.dynamicTest(variant.name(), () -> {
                    CampaignResult result = SampleCampaigns.jostle(variant, ROUNDS, true);

                    RoundOutcome first = result.firstFailure();
                    assertEquals(null, first, () -> variant.name() + " failed in round " + first.round() + " (seed "
                            + first.report().seed() + "): " + first.headline() + "\n" + first.details());
                    assertEquals(ROUNDS, result.rounds());
                }));
    }
}
