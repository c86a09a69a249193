package dev.jostle.agent.install;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Instrumented class files by class name and a checksum of the original bytes. Hunt rounds load the
 * program into a fresh class loader each round; with this cache the second round costs a lookup, and the
 * class keeps the site ids it was given the first time. Bounded twice: at most {@code capacity} classes
 * (least recently used out first), and the bytes are softly held so memory pressure can clear them.
 */
final class InstrumentedClassCache {

    private record Key(String className, long crc, int length) {
    }

    private final Map<Key, SoftReference<byte[]>> entries;
    private long hits;
    private long misses;

    InstrumentedClassCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<byte[]>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The instrumented form of these original bytes, or null when it has not been made (or was cleared). */
    synchronized byte[] get(String className, byte[] original) {
        SoftReference<byte[]> cached = entries.get(key(className, original));
        byte[] bytes = cached == null ? null : cached.get();
        if (bytes == null) {
            misses++;
        } else {
            hits++;
        }
        return bytes;
    }

    /**
     * Remembers an instrumented form; when another thread got there first, returns its bytes instead so
     * that every loader of this class sees the same site ids.
     */
    synchronized byte[] putIfAbsent(String className, byte[] original, byte[] instrumented) {
        Key key = key(className, original);
        SoftReference<byte[]> existing = entries.get(key);
        byte[] winner = existing == null ? null : existing.get();
        if (winner != null) {
            return winner;
        }
        entries.put(key, new SoftReference<>(instrumented));
        return instrumented;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized int size() {
        return entries.size();
    }

    private static Key key(String className, byte[] original) {
        CRC32 crc = new CRC32();
        crc.update(original, 0, original.length);
        return new Key(className, crc.getValue(), original.length);
    }
}
