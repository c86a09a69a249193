package dev.jostle.agent.runtime;

/** How a {@code mixed} session picks each round's strategy: no single kind of noise finds every bug. */
final class MixedRotation {

    private static final Strategy[] ROTATION = {
        Strategy.RANDOM, Strategy.PCT, Strategy.HALT_ONE, Strategy.TARGETED
    };

    private MixedRotation() {
    }

    static Strategy pick(long roundSeed) {
        return ROTATION[(int) Long.remainderUnsigned(Seeds.mix(roundSeed ^ 0x4D495845L), ROTATION.length)];
    }
}
