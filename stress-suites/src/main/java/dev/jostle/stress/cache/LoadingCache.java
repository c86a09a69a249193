package dev.jostle.stress.cache;

/** A map-backed cache that loads a missing key once and then serves the loaded value. */
public interface LoadingCache {

    /** The value for {@code key}, loading it on first use; a key is loaded at most once. */
    int get(int key);
}
