/*
 * Starvation (an urgent job that waits by getting back in line), fixed with a first-come channel.
 *
 * The worker takes its jobs from a plain queue, in the order they were handed in. The courier still looks
 * and gets back in line when the parcel is not packed, but getting back in line now means the back of the
 * line: behind the packing job, which runs next. However the threads are scheduled, the courier looks at
 * most once after the packing job is in line. The price is urgency itself: an urgent job waits behind
 * everything handed in before it (Courier_02_Aging keeps priorities and still bounds the wait).
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Courier
 */
package dev.jostle.samples.starvation;

import java.util.concurrent.LinkedBlockingQueue;

/** A first-come, first-served queue: whoever gets back in line goes to the back. */
public final class Courier_04_Channel extends PollingBench {

    public Courier_04_Channel() {
        super(new QueueLine(new LinkedBlockingQueue<>()));
    }
}
