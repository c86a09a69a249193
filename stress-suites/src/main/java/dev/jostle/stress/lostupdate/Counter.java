package dev.jostle.stress.lostupdate;

/** The contract every counter variant implements; the Lincheck tests drive the same classes. */
public interface Counter {

    void increment();

    int get();
}
