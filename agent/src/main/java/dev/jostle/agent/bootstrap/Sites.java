package dev.jostle.agent.bootstrap;

import java.util.Arrays;

/**
 * Every instrumented instruction gets a stable id here when its class is transformed, so that hooks pass
 * a single int and reports can still name class, method and line. Registration happens at class-load
 * time, never on the hot path; lookups read a published array without locking.
 */
public final class Sites {

    private static final Object LOCK = new Object();
    private static volatile Site[] sites = new Site[1024];
    private static volatile int count = 1; // id 0 means "no site"

    private Sites() {
    }

    /** Registers a site and returns its id. */
    public static int register(int kind, String className, String methodName, String sourceFile, int line,
            String member, boolean isVolatile) {
        synchronized (LOCK) {
            int id = count;
            Site[] current = sites;
            if (id == current.length) {
                current = Arrays.copyOf(current, current.length * 2);
            }
            current[id] = new Site(id, kind, className, methodName, sourceFile, line, member, isVolatile);
            sites = current;
            count = id + 1;
            return id;
        }
    }

    /** The site with this id, or null for an unknown id. */
    public static Site get(int id) {
        Site[] current = sites;
        return id > 0 && id < current.length ? current[id] : null;
    }

    /** One more than the largest id handed out: a size for per-site arrays. */
    public static int limit() {
        return count;
    }

    /** A readable description, or {@code "site #id"} for an unknown id. */
    public static String describe(int id) {
        Site site = get(id);
        return site == null ? "site #" + id : site.toString();
    }
}
