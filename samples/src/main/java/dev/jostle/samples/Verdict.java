package dev.jostle.samples;

/** What the suite concludes about one variant. */
public enum Verdict {
    /** A broken variant failed under noise: Jostle found the bug. */
    CAUGHT(true),
    /** A fix ran its whole jostled budget without a failure. */
    SURVIVED(true),
    /** A broken variant never failed under noise: Jostle missed a bug it should find. */
    MISSED(false),
    /** A fix failed: either the fix is wrong or the tool reported something that is not there. */
    FALSE_ALARM(false);

    private final boolean good;

    Verdict(boolean good) {
        this.good = good;
    }

    /** Whether the run may exit with status 0 given this verdict. */
    public boolean good() {
        return good;
    }

    public static Verdict of(boolean broken, boolean failedUnderNoise) {
        if (broken) {
            return failedUnderNoise ? CAUGHT : MISSED;
        }
        return failedUnderNoise ? FALSE_ALARM : SURVIVED;
    }

    @Override
    public String toString() {
        return name().replace('_', '-');
    }
}
