package dev.jostle.samples.visibility;

/** Where searchers report the one thing they look for; the "found" contract. */
public interface Lookout {

    /** A searcher found the target at this position. Called once. */
    void report(int position);

    /** Whether someone found it: searchers check this to stop early. */
    boolean spotted();

    /** Waits until someone found it, and returns where. */
    int awaitPosition() throws InterruptedException;
}
