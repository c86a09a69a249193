package dev.jostle.agent.runtime;

import dev.jostle.agent.noise.SplitMix;

/**
 * How a {@code mixed} session picks each round's strategy from the round seed: no single kind of noise
 * finds every bug, so the rounds rotate among them. Random and PCT noise get the largest shares (broad and
 * order-changing), targeted as much when an observation found contended sites (and none otherwise: it
 * would be silent), halt-one a quarter (its stalls make rounds slower, and it alone finds the bugs that use a
 * sleep as their order, since controlled rounds here keep every sleep). A quarter of the rounds run under
 * control, POS twice as often as PCT: they overtake many threads and build deep orders that noise rarely
 * does, and replay exactly. They are the {@code -on-time} strategies, whose sleeps all last until the round's
 * clock reached their end: a test's short sleep that lets its threads get somewhere, ended early, is a failure
 * no plain run has (docs/performance.md, "mixed with controlled rounds").
 */
final class MixedRotation {

    private static final Strategy[] WITH_FOCUS = {
        Strategy.RANDOM, Strategy.RANDOM, Strategy.RANDOM,
        Strategy.PCT, Strategy.PCT,
        Strategy.TARGETED, Strategy.TARGETED, Strategy.TARGETED,
        Strategy.HALT_ONE, Strategy.HALT_ONE, Strategy.HALT_ONE,
        Strategy.CONTROLLED_POS_ON_TIME, Strategy.CONTROLLED_POS_ON_TIME, Strategy.CONTROLLED_PCT_ON_TIME
    };

    private static final Strategy[] WITHOUT_FOCUS = {
        Strategy.RANDOM, Strategy.RANDOM, Strategy.RANDOM,
        Strategy.PCT, Strategy.PCT, Strategy.PCT,
        Strategy.HALT_ONE, Strategy.HALT_ONE, Strategy.HALT_ONE,
        Strategy.CONTROLLED_POS_ON_TIME, Strategy.CONTROLLED_POS_ON_TIME, Strategy.CONTROLLED_PCT_ON_TIME
    };

    private MixedRotation() {
    }

    /** The concrete strategy of the round with this seed. */
    static Strategy pick(long roundSeed, boolean haveFocus) {
        Strategy[] rotation = haveFocus ? WITH_FOCUS : WITHOUT_FOCUS;
        return rotation[(int) Long.remainderUnsigned(SplitMix.mix(roundSeed ^ 0x4D495845L), rotation.length)];
    }
}
