package dev.jostle.samples.starvation;

import java.util.concurrent.BlockingQueue;

/** A line that is simply a blocking queue: the queue's own order decides which job the worker gets next. */
final class QueueLine implements Line {

    private final BlockingQueue<Job> jobs;

    QueueLine(BlockingQueue<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public void add(Job job) {
        jobs.add(job);
    }

    @Override
    public Job next() throws InterruptedException {
        return jobs.take();
    }
}
