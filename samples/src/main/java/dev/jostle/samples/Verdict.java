package dev.jostle.samples;

/** What the suite concludes about one variant. */
public enum Verdict {
    /** A broken variant failed under noise: Jostle found the bug. */
    CAUGHT(true),
    /**
     * A broken variant noise did not make fail, but the race detector reported its data race in rounds that
     * passed: caught, by the other half of Jostle.
     */
    CAUGHT_RACE(true),
    /** A fix ran its whole jostled budget without a failure. */
    SURVIVED(true),
    /** A broken variant never failed under noise: Jostle missed a bug it should find. */
    MISSED(false),
    /** A fix failed, or raced: either the fix is wrong or the tool reported something that is not there. */
    FALSE_ALARM(false);

    private final boolean good;

    Verdict(boolean good) {
        this.good = good;
    }

    /** Whether the run may exit with status 0 given this verdict. */
    public boolean good() {
        return good;
    }

    public static Verdict of(boolean broken, boolean failedUnderNoise, boolean raced) {
        if (broken) {
            return failedUnderNoise ? CAUGHT : raced ? CAUGHT_RACE : MISSED;
        }
        return failedUnderNoise || raced ? FALSE_ALARM : SURVIVED;
    }

    @Override
    public String toString() {
        return this == CAUGHT_RACE ? "CAUGHT (race)" : name().replace('_', '-');
    }
}
