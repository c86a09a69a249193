package dev.jostle.samples;

import dev.jostle.engine.CampaignResult;
import dev.jostle.engine.RoundOutcome;
import java.time.Duration;

/**
 * One variant's line in the table: its failures without noise and with noise, and the verdict.
 *
 * @param variant the sample
 * @param quiet   the campaign with noise off, with the race detector on
 * @param noisy   the jostled campaign
 */
public record SuiteRow(Variant variant, CampaignResult quiet, CampaignResult noisy) {

    public Verdict verdict() {
        return Verdict.of(variant.broken(), noisy.found(), !quiet.races().isEmpty());
    }

    /** Whether this row lets the run succeed: a broken variant caught (by noise or as a race), a fix survived. */
    public boolean acceptable() {
        return verdict().good();
    }

    /** The first failing jostled round, or null. */
    public RoundOutcome firstFailure() {
        return noisy.firstFailure();
    }

    /** Time from the start of the jostled campaign to the end of its first failing round, or null. */
    public Duration timeToFirstFailure() {
        return noisy.timeToFirstFailure();
    }

    /** A broken variant caught by a kind of failure it is not known for (the sample may be off). */
    public boolean unexpectedKind() {
        return variant.broken() && noisy.found() && !variant.expected().contains(noisy.firstFailure().kind());
    }
}
