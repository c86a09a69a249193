package dev.jostle.junit.internal;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundRunner;
import dev.jostle.engine.SeedReplays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a jostled test's rounds in place of the one invocation JUnit would have made ({@link JostledExtension}
 * skips that invocation and JUnit's own {@code @BeforeEach}/{@code @AfterEach} calls): every round makes its
 * own instances ({@link FreshInstanceRound}), so those methods run exactly once per round, in the round's thread.
 */
final class JostledRounds {

    private final JostledConfiguration configuration;

    JostledRounds(JostledConfiguration configuration) {
        this.configuration = configuration;
    }

    void run(ExtensionContext context) {
        FreshInstanceRound body = new FreshInstanceRound(context);
        RoundRunner runner = RoundRunner.builder()
                .timeoutSetting("@Jostled(roundTimeout = \"{}\") or -D" + JostledConfiguration.ROUND_TIMEOUT + "={}")
                .failOnLeftoverThreads(configuration.failOnLeftoverThreads())
                .contextClassLoader(Thread.currentThread().getContextClassLoader())
                .name("jostled-" + context.getRequiredTestMethod().getName())
                .build();
        CampaignSettings settings = CampaignSettings.of(configuration.strategy(), configuration.firstSeed(),
                configuration.rounds(), configuration.time()).withParallel(configuration.parallel())
                .withRaceDetection(configuration.races() != JostledConfiguration.RacePolicy.OFF)
                .withRoundTimeout(configuration.roundTimeout())
                .withMinRounds(configuration.minRounds());
        Campaign.RoundTask task = (opener, timeout) -> runner.run(opener, body, timeout);

        AtomicLong noise = new AtomicLong();
        SeedReplays.Result jostled = SeedReplays.search(settings, task,
                (outcome, done, elapsed) -> noise.addAndGet(outcome.report().noiseEvents()), configuration.replays());

        CampaignResult baseline = null;
        CampaignResult result = jostled.campaign();
        if (configuration.compareWithoutNoise() && !(result.found() && result.firstFailure().round() < 0)) {
            // Same budget, every round counted: how often the test fails without Jostle. Without noise and
            // without race detection, which arms the hooks and slows every shared access several times over,
            // widening a race's window as noise would (docs/performance.md, "Counting failures without noise").
            // The jostled rounds detect the races.
            // Run after the jostled rounds so that it takes their round timeout, measured once; skipped when
            // the round without noise that measured it failed already (a stronger result than any count).
            CampaignSettings withoutJostling = settings.withStrategy(Strategy.NONE).withStopAtFirstFailure(false)
                    .withRaceDetection(false).withRoundTimeout(result.roundTimeout().limit());
            baseline = Campaign.run(withoutJostling, task, Campaign.Listener.NONE);
        }

        JostledReport report = new JostledReport(configuration, jostled, noise.get(), baseline);
        report.finish(context);
    }
}
