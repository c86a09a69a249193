package dev.jostle.samples.starvation;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bench as first written, with the courier that polls: an urgent job that looks for the packed parcel
 * and, when it is not there yet, puts itself straight back in line to look again. What the line does with
 * that is up to each variant: Courier_01_Broken serves urgent jobs first, and the courier starves the
 * packing job it is waiting for.
 */
abstract class PollingBench implements Bench {

    private final Worker worker;
    private final BlockingQueue<String> delivered = new ArrayBlockingQueue<>(1);
    private final AtomicInteger checks = new AtomicInteger();
    /** Written by the packing job, read by the courier: both run on the worker thread, so no lock is needed. */
    private String packed;

    PollingBench(Line line) {
        this.worker = new Worker(line);
    }

    @Override
    public void pack(String parcel) {
        worker.submit(new Job(Job.ROUTINE, () -> packed = parcel));
    }

    @Override
    public String collect(long patienceMillis) {
        worker.submit(new Job(Job.URGENT, this::look));
        return Worker.awaitHandover(delivered, patienceMillis);
    }

    /** The courier's job: deliver the parcel if it is packed, otherwise get back in line and look again. */
    private void look() {
        checks.incrementAndGet();
        if (packed != null) {
            delivered.add(packed);
        } else {
            worker.submit(new Job(Job.URGENT, this::look));
        }
    }

    @Override
    public int checks() {
        return checks.get();
    }

    @Override
    public void close() {
        worker.close();
    }
}
