package dev.jostle.agent.race;

import dev.jostle.agent.bootstrap.Probe;

/**
 * A {@link RaceDetector} behind the {@link Probe} interface, as the round's probe drives it: each event from
 * the thread that performs it, with that thread's clock. For tests that send the events instrumented code
 * would, without a round.
 */
final class DetectorProbe implements Probe {

    private final RaceDetector detector;

    DetectorProbe(RaceDetector detector) {
        this.detector = detector;
    }

    @Override
    public void on(int event, Object target, int index, int site) {
        detector.on(detector.threadClock(), event, target, index, site);
    }
}
