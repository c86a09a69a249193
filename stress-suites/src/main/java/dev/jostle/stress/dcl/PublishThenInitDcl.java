package dev.jostle.stress.dcl;

/**
 * Broken on every machine: inside the lock the instance is assigned first and set up afterwards, so a
 * thread passing the unlocked first check can take it in between. Volatile does not help here: the
 * assignment must come last.
 */
public final class PublishThenInitDcl {

    private volatile Resource instance;

    public Resource get() {
        Resource seen = instance;
        if (seen == null) {
            synchronized (this) {
                seen = instance;
                if (seen == null) {
                    instance = seen = new Resource(0);
                    seen.value = 42; // too late: the first check outside the lock may already have returned it
                }
            }
        }
        return seen;
    }
}
