package dev.jostle.samples;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundRunner;
import java.time.Duration;

/** Runs a catalogue variant through the round engine, as the suite runner does, for the tests. */
final class SampleCampaigns {

    /** Long enough for a healthy round on a busy 2-core machine; a livelock or a hang costs this much. */
    static final Duration ROUND_TIMEOUT = Duration.ofSeconds(2);

    private static final RoundRunner RUNNER = RoundRunner.builder().timeout(ROUND_TIMEOUT).name("sample-test").build();

    private SampleCampaigns() {
    }

    /** Noise off, race detector on: what the detector reports in rounds that run as they would anyway. */
    static CampaignResult watchForRaces(Variant variant, int rounds) {
        return watchForRaces(variant, 1, rounds);
    }

    /** {@link #watchForRaces(Variant, int)} from a given seed; one round gives that round's races alone. */
    static CampaignResult watchForRaces(Variant variant, long seed, int rounds) {
        CampaignSettings settings = CampaignSettings.of(Strategy.NONE, seed, rounds, Duration.ZERO)
                .withStopAtFirstFailure(false).withRaceDetection(true);
        return Campaign.run(settings, (opener, timeout) -> RUNNER.run(opener, variant.round()), Campaign.Listener.NONE);
    }

    /** Jostled rounds under mixed noise, seed 1; stops at the first failure when asked. */
    static CampaignResult jostle(Variant variant, int rounds, boolean stopAtFirstFailure) {
        CampaignSettings settings = CampaignSettings.of(Strategy.MIXED, 1, rounds, Duration.ZERO)
                .withStopAtFirstFailure(stopAtFirstFailure);
        return Campaign.run(settings, (opener, timeout) -> RUNNER.run(opener, variant.round()), Campaign.Listener.NONE);
    }
}
