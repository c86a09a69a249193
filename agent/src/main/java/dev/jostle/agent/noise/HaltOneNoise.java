package dev.jostle.agent.noise;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One thread stalled for long stretches, as chaos schedulers do: the {@code k}-th thread to arrive is
 * parked for 1 ms to 50 ms at a few of its own scheduling points, while every other thread runs freely.
 * Bugs that need one thread to fall far behind (a stale read, a timeout, a check-then-act whose window is
 * usually nanoseconds) show up here.
 *
 * <p>The stall points count the victim's own points, so which points stall is the same in every replay;
 * which thread is the k-th to arrive follows the program's start order. All stalls of a round share a
 * {@link Budget}.
 */
final class HaltOneNoise implements NoisePlan {

    static final long CAP_NANOS = 120_000_000L;

    private final int victimArrival;
    /** Ascending: the victim's point numbers (1-based) at which it stalls. */
    private final long[] stallPoints;
    private final long[] stallNanos;
    private final Budget budget;
    private final Delays delays;
    private final AtomicInteger arrivals = new AtomicInteger();

    HaltOneNoise(int victimArrival, long[] stallPoints, long[] stallNanos, Budget budget, Delays delays) {
        this.victimArrival = victimArrival;
        this.stallPoints = stallPoints.clone();
        this.stallNanos = stallNanos.clone();
        this.budget = budget;
        this.delays = delays;
    }

    /**
     * Draws the victim (the 1st, 2nd or 3rd thread to arrive; the later ones twice as likely, as the first
     * is usually the thread that starts the others), 1 to 4 stalls, the first early (within the victim's
     * first 64 points) and the next ones up to 2 000 points apart, each 1 ms to 50 ms.
     */
    static HaltOneNoise drawn(long seed, Delays delays) {
        Draws draws = new Draws(seed, 0x48414C54L);
        int victim = new int[] {0, 1, 1, 2, 2}[draws.between(0, 0, 4)];
        int stalls = draws.between(1, 1, 4);
        long[] points = new long[stalls];
        long[] lengths = new long[stalls];
        long at = 0;
        for (int i = 0; i < stalls; i++) {
            at += draws.logUniform(2 + 2 * i, 1, i == 0 ? 64 : 2_000);
            points[i] = at;
            lengths[i] = draws.logUniform(3 + 2 * i, 1_000_000L, 50_000_000L);
        }
        return new HaltOneNoise(victim, points, lengths, new Budget(CAP_NANOS), delays);
    }

    @Override
    public void atPoint(NoiseThread thread, int event, int site) {
        Victim victim = victim(thread);
        if (victim == null) {
            return;
        }
        long point = ++victim.points;
        if (victim.next < stallPoints.length && stallPoints[victim.next] == point) {
            long granted = budget.available(stallNanos[victim.next++]);
            if (granted > 0) {
                thread.noteNoise(site);
                long start = delays.nanoTime();
                delays.park(thread, granted);
                budget.spend(delays.nanoTime() - start);
            }
        }
    }

    /** The victim's state if this thread is the victim, else null; decided at the thread's first point. */
    private Victim victim(NoiseThread thread) {
        Object state = thread.planState();
        if (state == null) {
            boolean chosen = arrivals.getAndIncrement() == victimArrival;
            state = chosen ? new Victim() : Bystander.INSTANCE;
            thread.keepPlanState(state);
        }
        return state instanceof Victim ? (Victim) state : null;
    }

    @Override
    public String describe() {
        StringBuilder lengths = new StringBuilder();
        for (long nanos : stallNanos) {
            lengths.append(lengths.length() == 0 ? "" : ", ").append(Draws.describeNanos(nanos));
        }
        return "halt-one(victim=arrival #" + (victimArrival + 1) + ", at its points "
                + Arrays.toString(stallPoints) + ", for [" + lengths + "], cap=" + budget.describeTotal() + ")";
    }

    private static final class Victim {
        long points;
        int next;
    }

    private enum Bystander {
        INSTANCE
    }
}
