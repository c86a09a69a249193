package dev.jostle.hunt;

import dev.jostle.agent.runtime.Round;
import dev.jostle.engine.Campaign;
import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.CampaignSettings;
import dev.jostle.engine.RoundOutcome;
import dev.jostle.engine.RoundRunner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** Runs a checked program's main round after round, each round in a fresh class loader and thread group. */
final class Hunt {

    private final HuntOptions options;
    private final Program program;
    private final RoundOutput output;
    private final Map<Integer, String> failedOutput = new ConcurrentHashMap<>();

    Hunt(HuntOptions options, Program program, RoundOutput output) {
        this.options = options;
        this.program = program;
        this.output = output;
    }

    /** Runs until the first failing round or the end of the budget. */
    HuntResult run(Campaign.Listener listener) {
        CampaignSettings settings = new CampaignSettings(options.strategy(), options.seed(), options.rounds(),
                options.time(), options.parallel(), true, false);
        CampaignResult result = Campaign.run(settings, this::runRound, listener);
        String programOutput = result.found() ? failedOutput.get(result.firstFailure().round()) : null;
        return new HuntResult(options, result, programOutput);
    }

    private RoundOutcome runRound(Function<Thread, Round> opener) {
        ClassLoader loader = program.newLoader();
        AtomicReference<RoundOutput.Capture> capture = new AtomicReference<>();
        RoundRunner runner = RoundRunner.builder()
                .timeout(options.roundTimeout())
                .daemonThreads(false) // as the JVM runs main: the round lasts until its last non-daemon thread
                .awaitAllThreads(true)
                .contextClassLoader(loader)
                .name("jostle-hunt")
                .build();
        RoundOutcome outcome = runner.run(opener, () -> {
            // Named as in a plain JVM: stack traces and deadlock reports then read as the user knows them.
            Thread.currentThread().setName("main");
            if (output != null) {
                capture.set(output.attach());
            }
            program.runMain(loader);
        });
        RoundOutput.Capture kept = capture.get();
        String text = kept == null ? null : kept.detach();
        if (!outcome.passed() && text != null) {
            failedOutput.put(outcome.round(), text);
        }
        return outcome;
    }
}
