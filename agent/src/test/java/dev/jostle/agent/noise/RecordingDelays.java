package dev.jostle.agent.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Records every delay a plan asks for instead of waiting, and keeps a fake clock that each delay advances
 * (a yield by one microsecond): plans then behave deterministically, with no timing in the test.
 * Safe to share between threads.
 */
public final class RecordingDelays implements Delays {

    /** One decision: which thread, what kind of delay ("yield", "spin", "park"), how long. */
    public record Decision(String thread, String kind, long nanos) {
    }

    private final List<Decision> decisions = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final boolean frozen;

    public RecordingDelays() {
        this(false);
    }

    private RecordingDelays(boolean frozen) {
        this.frozen = frozen;
    }

    /**
     * Delays that take no time at all, so a round's budget is never spent. For tests with real threads:
     * with a shared advancing clock, when the budget runs out would depend on how the threads interleave.
     */
    public static RecordingDelays withFrozenClock() {
        return new RecordingDelays(true);
    }

    @Override
    public long nanoTime() {
        return clock.get();
    }

    /** Moves the fake clock on, as if the threads ran for a while. */
    public void advance(long nanos) {
        tick(nanos);
    }

    private void tick(long nanos) {
        if (!frozen) {
            clock.addAndGet(nanos);
        }
    }

    @Override
    public void yieldNow(NoiseThread thread) {
        record(thread, "yield", 0);
        tick(1_000);
    }

    @Override
    public void spin(NoiseThread thread, long nanos) {
        record(thread, "spin", nanos);
        tick(nanos);
    }

    @Override
    public void park(NoiseThread thread, long nanos) {
        record(thread, "park", nanos);
        tick(nanos);
    }

    private synchronized void record(NoiseThread thread, String kind, long nanos) {
        decisions.add(new Decision(thread.name(), kind, nanos));
    }

    public synchronized List<Decision> decisions() {
        return new ArrayList<>(decisions);
    }

    public synchronized List<Decision> of(String thread) {
        return decisions.stream().filter(d -> d.thread().equals(thread)).collect(Collectors.toList());
    }

    /** Total nanoseconds of spins and parks (what a round's budget caps). */
    public synchronized long totalDelayNanos() {
        return decisions.stream().mapToLong(Decision::nanos).sum();
    }

    public synchronized long delayNanosOf(String thread) {
        return of(thread).stream().mapToLong(Decision::nanos).sum();
    }
}
