package dev.jostle.samples.starvation;

/**
 * A packing bench with one worker thread that runs jobs one at a time; the starvation contract. Packing is a
 * routine job, the courier an urgent one.
 */
public interface Bench extends AutoCloseable {

    /** Hands in a parcel to be packed (a routine job for the worker) and returns at once. */
    void pack(String parcel);

    /**
     * Sends the courier for the packed parcel and waits for it, at most {@code patienceMillis}: every wait in
     * the samples ends by itself, so a starved job shows up as a failed check, not as a hang.
     *
     * @return the parcel the courier delivered, or null if it delivered none in time
     */
    String collect(long patienceMillis);

    /** How many times the courier looked for the parcel (0 for a courier that never has to look). */
    int checks();

    /** Stops the worker; jobs still in line are dropped. */
    @Override
    void close();
}
