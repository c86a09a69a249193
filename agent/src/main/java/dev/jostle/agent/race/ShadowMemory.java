package dev.jostle.agent.race;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shadow state by (object identity, slot), holding objects weakly: when an object becomes garbage its
 * shadow goes too, so a long round does not keep what the program dropped. A slot is a field number, an
 * array index, or one of the negative slots for synchronisation state.
 */
final class ShadowMemory {

    static final int MONITOR = -1;
    static final int PARK_PERMIT = -2;

    /** Stands in for the owner of static fields. */
    static final Object STATICS = new Object();

    private final ConcurrentHashMap<Key, Shadow> shadows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, ElementShadows> arrays = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    Shadow of(Object owner, int slot) {
        Object key = owner == null ? STATICS : owner;
        Shadow shadow = shadows.get(new Lookup(key, slot));
        if (shadow == null) {
            expungeCollected();
            shadow = shadows.computeIfAbsent(new Held(key, slot, collected), k -> new Shadow((Held) k));
        }
        return shadow;
    }

    /** The element shadows of an array, made at the first access to any of its elements. */
    ElementShadows elementsOf(Object array) {
        ElementShadows elements = arrays.get(new Lookup(array, 0));
        if (elements == null) {
            expungeCollected();
            elements = arrays.computeIfAbsent(new Held(array, 0, collected),
                    k -> new ElementShadows((Held) k, Array.getLength(array)));
        }
        return elements;
    }

    /** Variables and arrays with shadow state now (an array counts once). */
    int size() {
        expungeCollected();
        return shadows.size() + arrays.size();
    }

    private void expungeCollected() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            shadows.remove(gone);
            arrays.remove(gone);
        }
    }

    /** Equal to another key when both name the same live object and slot. */
    private interface Key {
        Object owner();

        int slot();
    }

    private static boolean same(Key a, Object other) {
        if (a == other) {
            return true;
        }
        if (!(other instanceof Key)) {
            return false;
        }
        Key b = (Key) other;
        Object owner = a.owner();
        return owner != null && owner == b.owner() && a.slot() == b.slot();
    }

    private static int hash(Object owner, int slot) {
        return System.identityHashCode(owner) * 31 + slot;
    }

    /** The key a lookup allocates: short-lived, strong. */
    private static final class Lookup implements Key {
        private final Object owner;
        private final int slot;

        Lookup(Object owner, int slot) {
            this.owner = owner;
            this.slot = slot;
        }

        @Override
        public Object owner() {
            return owner;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        public boolean equals(Object other) {
            return same(this, other);
        }

        @Override
        public int hashCode() {
            return hash(owner, slot);
        }
    }

    /** The key the map holds: weak, so that it does not keep the object alive. */
    private static final class Held extends WeakReference<Object> implements Key {
        private final int slot;
        private final int hash;

        Held(Object owner, int slot, ReferenceQueue<Object> queue) {
            super(owner, queue);
            this.slot = slot;
            this.hash = hash(owner, slot);
        }

        @Override
        public Object owner() {
            return get();
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        public boolean equals(Object other) {
            return same(this, other);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
