package dev.jostle.samples.starvation;

/** Where jobs wait for the bench's worker. The variants differ in which waiting job a line serves next. */
interface Line {

    void add(Job job);

    /** The next job to run; waits until there is one. */
    Job next() throws InterruptedException;
}
