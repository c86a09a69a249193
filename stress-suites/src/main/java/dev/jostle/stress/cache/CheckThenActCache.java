package dev.jostle.stress.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken: a thread-safe map used with get-then-put. Two threads can both miss, both load, and hand out two
 * different values for one key; each map call is atomic, the pair is not.
 */
public final class CheckThenActCache implements LoadingCache {

    private final Map<Integer, Integer> values = new ConcurrentHashMap<>();
    private final Loader loader = new Loader();

    @Override
    public int get(int key) {
        Integer value = values.get(key);
        if (value == null) {
            value = loader.load(key);
            values.put(key, value);
        }
        return value;
    }
}
