package dev.jostle.agent.noise;

import java.util.concurrent.locks.LockSupport;

/** {@link Delays} on the real scheduler and clock. */
final class SystemDelays implements Delays {

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void yieldNow(NoiseThread thread) {
        Thread.yield();
    }

    @Override
    public void spin(NoiseThread thread, long nanos) {
        thread.delayStarts(nanos);
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
        thread.delayEnded(nanos);
    }

    @Override
    public void park(NoiseThread thread, long nanos) {
        // parkNanos may return early (spuriously, or on unpark/interrupt): that only shortens the noise.
        thread.delayStarts(nanos);
        LockSupport.parkNanos(nanos);
        thread.delayEnded(nanos);
    }
}
