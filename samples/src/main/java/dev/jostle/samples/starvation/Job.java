package dev.jostle.samples.starvation;

/** One job for the bench's worker: what to do, and how urgent it is (a lower number is more urgent). */
record Job(int urgency, Runnable work) {

    static final int URGENT = 0;
    static final int ROUTINE = 1;
}
