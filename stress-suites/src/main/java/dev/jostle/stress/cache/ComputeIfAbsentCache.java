package dev.jostle.stress.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed: {@code computeIfAbsent} makes the miss, the load and the put one atomic step per key. */
public final class ComputeIfAbsentCache implements LoadingCache {

    private final Map<Integer, Integer> values = new ConcurrentHashMap<>();
    private final Loader loader = new Loader();

    @Override
    public int get(int key) {
        return values.computeIfAbsent(key, loader::load);
    }
}
