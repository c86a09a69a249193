package dev.jostle.agent.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;

/**
 * The shadows of one array's elements. One lookup by the array's identity finds this, then an element's
 * shadow is two plain array reads away: no key per access, no hashing. Elements come in chunks made at the
 * first access to any element of the chunk, so a large array touched in a few places costs a few chunks;
 * a chunk's shadows are allocated together, so neighbouring elements' shadows sit together in memory.
 */
final class ElementShadows {

    private static final int CHUNK_BITS = 8;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final VarHandle CHUNKS = MethodHandles.arrayElementVarHandle(Shadow[][].class);

    private final int length;
    private final Shadow[][] chunks;
    /** The array, held weakly: see {@link Shadow#owner}. */
    private final Reference<Object> array;

    ElementShadows(Reference<Object> array, int length) {
        this.array = array;
        this.length = length;
        this.chunks = new Shadow[(length + CHUNK - 1) >>> CHUNK_BITS][];
    }

    /** Whether these are {@code candidate}'s element shadows. */
    boolean belongTo(Object candidate) {
        return array.get() == candidate;
    }

    /** The shadow of element {@code index}, or null when the index is out of bounds (the access throws). */
    Shadow at(int index) {
        if (index < 0 || index >= length) {
            return null;
        }
        Shadow[] chunk = chunks[index >>> CHUNK_BITS];
        Shadow shadow = chunk == null ? null : chunk[index & (CHUNK - 1)];
        return shadow != null ? shadow : published(index);
    }

    /**
     * The slow path: the chunk is not made yet, or (in theory) this thread saw the chunk through the plain
     * read before its contents. Makes the chunk, or reads it with acquire semantics.
     */
    private Shadow published(int index) {
        int c = index >>> CHUNK_BITS;
        Shadow[] chunk = (Shadow[]) CHUNKS.getAcquire(chunks, c);
        if (chunk == null) {
            Shadow[] made = new Shadow[Math.min(CHUNK, length - (c << CHUNK_BITS))];
            for (int i = 0; i < made.length; i++) {
                made[i] = new Shadow();
            }
            Shadow[] raced = (Shadow[]) CHUNKS.compareAndExchangeRelease(chunks, c, null, made);
            chunk = raced == null ? made : raced;
        }
        return chunk[index & (CHUNK - 1)];
    }
}
