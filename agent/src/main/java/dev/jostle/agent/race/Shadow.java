package dev.jostle.agent.race;

/**
 * The detector's state for one variable (a field of one object, a static field, an array element) or one
 * synchronisation object (a monitor, a volatile field, a thread's park permit). Guarded by its own
 * monitor, which only the detector ever takes.
 */
final class Shadow {

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
