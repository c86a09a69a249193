package dev.jostle.samples.visibility;

/** A worker that spins until told to stop; the stop-flag contract. */
public interface Spinner {

    /** Most laps a spinner runs: if it gets here, it never saw stop(). */
    long LIMIT = 100_000_000L;

    /** Runs laps until stopped, or until {@link #LIMIT}; returns the laps run. */
    long spin();

    /** Asks the spinner to stop; called from another thread. */
    void stop();
}
