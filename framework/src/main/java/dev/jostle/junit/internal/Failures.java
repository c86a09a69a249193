package dev.jostle.junit.internal;

/** Collects failures as JUnit does: the first one thrown, every later one suppressed in it. */
final class Failures {

    private Failures() {
    }

    /** Returns {@code first}, with {@code next} suppressed in it, or {@code next} when there was none yet. */
    static Throwable add(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }
}
