package dev.jostle.agent.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;

/**
 * The detector's state for one variable (a field of one object, a static field, an array element) or one
 * synchronisation object (a monitor, a volatile field, a thread's park permit). Guarded by its own spin
 * lock ({@link #lock()}), which only the detector ever takes, for a few dozen instructions at most.
 *
 * <p>Why not {@code synchronized}: a racy variable is hit by every thread, and a contended monitor
 * inflates and parks its waiters. With more threads than cores the holder is often descheduled, and the
 * parked waiters queue up behind it for whole time slices (tens of milliseconds each). A
 * waiter that spins briefly and then yields hands the core back to the holder instead.
 */
final class Shadow {

    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(Shadow.class, "locked", int.class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private static final int SPINS_BEFORE_YIELD = 64;

    @SuppressWarnings("unused") // through LOCK
    private volatile int locked;

    /**
     * The object whose field or monitor this is, held weakly (null for an array element's shadow): a thread's
     * cache of shadows checks it by identity, and must not keep the object alive. A program may wait for an
     * object it dropped to be collected (a pool that must not outlive its last user, a weak cache).
     */
    final Reference<Object> owner;

    Shadow() {
        this(null);
    }

    Shadow(Reference<Object> owner) {
        this.owner = owner;
    }

    /** Whether this is the shadow of {@code candidate}'s variable or monitor (never for an element). */
    boolean belongsTo(Object candidate) {
        return owner != null && owner.get() == candidate;
    }

    /** FastTrack's W: the epoch of the last write. */
    long write = Epochs.NONE;
    int writeSite;

    /** FastTrack's R in exclusive mode: the epoch of the last read. */
    long read = Epochs.NONE;
    int readSite;

    /** FastTrack's R in shared mode (null otherwise): the last read of every thread, with its site. */
    VectorClock sharedReads;
    int[] sharedReadSites;

    /** For synchronisation objects: what the last release made visible. */
    VectorClock released;

    /** Takes the lock; pair with {@link #unlock()} in a finally block. Never blocks on anything but this. */
    void lock() {
        if (!LOCK.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int spins = 0; ; spins++) {
            if ((int) LOCK.getOpaque(this) == 0 && LOCK.compareAndSet(this, 0, 1)) {
                return;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void unlock() {
        LOCK.setRelease(this, 0);
    }

    void sharedReadSite(int tid, int site) {
        if (sharedReadSites == null || tid >= sharedReadSites.length) {
            int[] grown = new int[Math.max(tid + 1, 8)];
            if (sharedReadSites != null) {
                System.arraycopy(sharedReadSites, 0, grown, 0, sharedReadSites.length);
            }
            sharedReadSites = grown;
        }
        sharedReadSites[tid] = site;
    }

    int sharedReadSite(int tid) {
        return sharedReadSites != null && tid < sharedReadSites.length ? sharedReadSites[tid] : 0;
    }
}
