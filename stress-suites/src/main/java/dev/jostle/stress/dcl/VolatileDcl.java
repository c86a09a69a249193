package dev.jostle.stress.dcl;

/** Fixed: {@code instance} is volatile, so whoever sees the reference sees the constructor's writes. */
public final class VolatileDcl {

    private volatile Resource instance;

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
