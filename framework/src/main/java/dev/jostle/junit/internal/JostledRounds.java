package dev.jostle.junit.internal;

import dev.jostle.agent.runtime.Strategy;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundRunner;
import dev.jostle.engine.SeedReplays;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Replaces the one invocation JUnit makes by the rounds. JUnit's own instance and its
 * {@code @BeforeEach}/{@code @AfterEach} calls are skipped: every round makes its own
 * ({@link FreshInstanceRound}), so those methods run exactly once per round, in the round's thread.
 */
final class JostledRounds implements InvocationInterceptor {

    private final JostledConfiguration configuration;

    JostledRounds(JostledConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        invocation.skip();
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) {
        invocation.skip();
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) {
        invocation.skip();
        FreshInstanceRound body = new FreshInstanceRound(context);
        RoundRunner runner = RoundRunner.builder()
                .timeout(configuration.roundTimeout())
                .failOnLeftoverThreads(configuration.failOnLeftoverThreads())
                .contextClassLoader(Thread.currentThread().getContextClassLoader())
                .name("jostled-" + context.getRequiredTestMethod().getName())
                .build();
        CampaignSettings settings = new CampaignSettings(configuration.strategy(), configuration.seed(),
                configuration.rounds(), configuration.time(), configuration.parallel(), true, false,
                configuration.races() != JostledConfiguration.RacePolicy.OFF);
        Campaign.RoundTask task = opener -> runner.run(opener, body);

        CampaignResult baseline = null;
        if (configuration.compareWithoutNoise()) {
            // Same budget, every round counted: how often the test fails without Jostle. Without noise and
            // without race detection, which arms the hooks and slows every shared access several times over,
            // widening a race's window as noise would (a lost update of 10 increments a thread failed 10 to 14%
            // of such rounds with detection on, 0 to 0.5% with it off). The jostled rounds detect the races.
            CampaignSettings withoutJostling = settings.withStrategy(Strategy.NONE).withStopAtFirstFailure(false)
                    .withRaceDetection(false);
            baseline = Campaign.run(withoutJostling, task, Campaign.Listener.NONE);
        }
        AtomicLong noise = new AtomicLong();
        SeedReplays.Result jostled = SeedReplays.search(settings, task,
                (outcome, done, elapsed) -> noise.addAndGet(outcome.report().noiseEvents()), configuration.replays());

        JostledReport report = new JostledReport(configuration, jostled, noise.get(), baseline);
        report.finish(context);
    }
}
