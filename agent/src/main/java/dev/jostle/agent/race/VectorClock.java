package dev.jostle.agent.race;

import java.util.Arrays;

/** A vector clock over a round's thread numbers; grows as threads arrive. Not thread-safe. */
final class VectorClock {

    private int[] clocks;

    VectorClock() {
        clocks = new int[4];
    }

    VectorClock(VectorClock other) {
        clocks = other.clocks.clone();
    }

    int get(int tid) {
        return tid < clocks.length ? clocks[tid] : 0;
    }

    void set(int tid, int value) {
        if (tid >= clocks.length) {
            clocks = Arrays.copyOf(clocks, Math.max(tid + 1, clocks.length * 2));
        }
        clocks[tid] = value;
    }

    void increment(int tid) {
        set(tid, get(tid) + 1);
    }

    /** This := this ⊔ other. */
    void join(VectorClock other) {
        int[] theirs = other.clocks;
        if (theirs.length > clocks.length) {
            clocks = Arrays.copyOf(clocks, theirs.length);
        }
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i] > clocks[i]) {
                clocks[i] = theirs[i];
            }
        }
    }

    void copyFrom(VectorClock other) {
        clocks = other.clocks.clone();
    }

    /** Whether every component of this is at most the other's: this happened before (or is) other. */
    boolean leq(VectorClock other) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i] > other.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first thread whose component exceeds the other's, or -1. */
    int firstAhead(VectorClock other) {
        for (int i = 0; i < clocks.length; i++) {
            if (clocks[i] > other.get(i)) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return clocks.length;
    }
}
