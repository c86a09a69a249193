package dev.jostle.samples.starvation;

import java.util.ArrayList;
import java.util.List;

/**
 * A priority line with aging, Courier_02_Aging's line: a job's rank is its urgency minus the times it was
 * passed over, the lowest rank goes next, the oldest among equals. Guarded by its own monitor, so picking
 * one job and ageing the rest is a single step for every thread that adds.
 */
final class AgingLine implements Line {

    /** A job in line and how many times it was passed over. */
    private static final class Waiting {
        final Job job;
        int passedOver;

        Waiting(Job job) {
            this.job = job;
        }

        int rank() {
            return job.urgency() - passedOver;
        }
    }

    /** Oldest first; guarded by this. */
    private final List<Waiting> waiting = new ArrayList<>();

    @Override
    public synchronized void add(Job job) {
        waiting.add(new Waiting(job));
        notifyAll();
    }

    @Override
    public synchronized Job next() throws InterruptedException {
        while (waiting.isEmpty()) {
            wait();
        }
        Waiting chosen = waiting.get(0);
        for (Waiting candidate : waiting) {
            if (candidate.rank() < chosen.rank()) {
                chosen = candidate;
            }
        }
        waiting.remove(chosen);
        for (Waiting passed : waiting) {
            passed.passedOver++;
        }
        return chosen.job;
    }
}
