/*
 * Starvation (an urgent job that waits by getting back in line), fixed with an immutable message.
 *
 * The courier no longer looks for the parcel: it is sent off with it. The packing job, once done, puts the
 * delivery in line as an urgent job carrying the packed parcel, an immutable record; collect() only waits
 * for the delivery. Nothing gets back in line to wait for something else, so an urgent job is in line only
 * when there is urgent work to do, and the routine packing job runs as soon as none is waiting. The line is
 * still the strict priority line of Courier_01_Broken: a real, endless stream of urgent work would still
 * starve routine jobs (that is a capacity problem; Courier_02_Aging shows the cure for it).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Courier
 */
package dev.jostle.samples.starvation;

import java.util.Comparator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** The packing job hands the packed parcel to the courier; nobody polls. */
public final class Courier_03_Messages implements Bench {

    /** A parcel, packed; made once and only handed on. */
    private record Packed(String parcel) {
    }

    private final Worker worker =
            new Worker(new QueueLine(new PriorityBlockingQueue<>(4, Comparator.comparingInt(Job::urgency))));
    private final BlockingQueue<Packed> delivered = new ArrayBlockingQueue<>(1);

    @Override
    public void pack(String parcel) {
        worker.submit(new Job(Job.ROUTINE, () -> {
            Packed packed = new Packed(parcel);
            worker.submit(new Job(Job.URGENT, () -> delivered.add(packed)));
        }));
    }

    @Override
    public String collect(long patienceMillis) {
        Packed packed = Worker.awaitHandover(delivered, patienceMillis);
        return packed == null ? null : packed.parcel();
    }

    @Override
    public int checks() {
        return 0;
    }

    @Override
    public void close() {
        worker.close();
    }
}
