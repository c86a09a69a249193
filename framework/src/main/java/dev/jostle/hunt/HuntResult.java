package dev.jostle.hunt;

import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.SeedReplays;

/**
 * What a hunt found.
 *
 * @param options       what it was asked to do
 * @param launch        how its JVM was started, which a replay repeats
 * @param campaign      rounds, timing and the first failing round
 * @param programOutput the failing round's console output (its last part), or null
 * @param replays       how the reported round's seed replayed, and the first failing round's when another
 *                      was reported (see {@link SeedReplays})
 * @param method        the method the reported round called ({@code Class#method}, {@code Class#@Test}), or null
 * @param collisionHint  for a failure found with rounds at once in one JVM that touched what they share, the
 *                      line that says so (see {@link SharedState}); else null
 * @param unfinished    the rounds the end of the hunt's time stopped, which the campaign does not count
 */
record HuntResult(HuntOptions options, Launch launch, CampaignResult campaign, String programOutput,
        SeedReplays.Result replays, String method, String collisionHint, UnfinishedRounds unfinished) {

    HuntResult withCollisionHint(String hint) {
        return new HuntResult(options, launch, campaign, programOutput, replays, method, hint, unfinished);
    }

    boolean found() {
        return campaign.found();
    }

    /** Whether the failure reported is the observation round's, which ran without noise. */
    boolean observationFailed() {
        return found() && campaign.firstFailure().round() < 0;
    }

    /** The command line that replays the reported failure. */
    String replay() {
        return Replay.command(options, launch, campaign.firstFailure().report(), method);
    }
}
