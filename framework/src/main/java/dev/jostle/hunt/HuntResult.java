package dev.jostle.hunt;

import dev.jostle.engine.CampaignResult;

/**
 * What a hunt found.
 *
 * @param options       what it was asked to do
 * @param campaign      rounds, timing and the first failing round
 * @param programOutput the failing round's console output (its last part), or null
 */
record HuntResult(HuntOptions options, CampaignResult campaign, String programOutput) {

    boolean found() {
        return campaign.found();
    }
}
