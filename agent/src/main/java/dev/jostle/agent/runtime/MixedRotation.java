package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.SplitMix;

/**
 * How a {@code mixed} session picks each round's strategy from the round seed: no single kind of noise
 * finds every bug, so the rounds rotate among them. Random and PCT get the largest shares (broad and
 * order-changing), targeted as much when an observation found contended sites (and none otherwise: it
 * would be silent), halt-one a smaller share (its stalls make rounds slower).
 */
final class MixedRotation {

    private static final Strategy[] WITH_FOCUS = {
        Strategy.RANDOM, Strategy.RANDOM, Strategy.RANDOM,
        Strategy.PCT, Strategy.PCT, Strategy.PCT,
        Strategy.TARGETED, Strategy.TARGETED, Strategy.TARGETED,
        Strategy.HALT_ONE, Strategy.HALT_ONE
    };

    private static final Strategy[] WITHOUT_FOCUS = {
        Strategy.RANDOM, Strategy.RANDOM, Strategy.RANDOM, Strategy.RANDOM,
        Strategy.PCT, Strategy.PCT, Strategy.PCT,
        Strategy.HALT_ONE, Strategy.HALT_ONE
    };

    private MixedRotation() {
    }

    /** The concrete strategy of the round with this seed. */
    static Strategy pick(long roundSeed, boolean haveFocus) {
        Strategy[] rotation = haveFocus ? WITH_FOCUS : WITHOUT_FOCUS;
        return rotation[(int) Long.remainderUnsigned(SplitMix.mix(roundSeed ^ 0x4D495845L), rotation.length)];
    }
}
