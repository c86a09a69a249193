package dev.jostle.stress.dcl;

/**
 * Broken double-checked locking: the first check reads {@code instance} outside the lock from a plain field,
 * so it may see the reference before the constructor's writes and hand out a half-built resource.
 */
public final class BrokenDcl {

    private Resource instance;

    public Resource get() {
        Resource seen = instance;
        if (seen == null) {
            synchronized (this) {
                seen = instance;
                if (seen == null) {
                    seen = new Resource();
                    instance = seen;
                }
            }
        }
        return seen;
    }
}
