/*
 * Starvation: an urgent job that waits by getting back in line.
 *
 * One worker runs the bench's jobs, urgent ones first (a priority queue). Packing a parcel is routine; the
 * courier is urgent. The courier looks for the packed parcel and, if it is not there yet, puts itself
 * straight back in line to look again (PollingBench.look). If the courier is in line before the packing job
 * has been picked, the worker always finds an urgent job waiting, and serves it first:
 *
 *   clerk:   pack -> line: [pack (routine)]
 *   courier: look -> line: [look (urgent), pack (routine)]      <- before the worker took the packing job
 *   worker:  takes look: not packed; look gets back in line   -> [look, pack]
 *   worker:  takes look: not packed; look gets back in line   -> [look, pack]
 *   ... for as long as the courier is willing to wait
 *
 * Nothing is blocked and nothing is wrong with the data: the worker is busy all the time, and the one job
 * that would end it never gets its turn. The courier gives up after CourierScenario.PATIENCE_MILLIS, having
 * looked hundreds of thousands of times, and the scenario reports the starved job (a bounded wait: a real
 * program would simply hang there).
 *
 * Why it usually passes anyway. The clerk's thread starts first, and the worker, idle, picks up the packing
 * job microseconds after it is handed in; the courier turns up a millisecond later (its walk over, a park in
 * CourierScenario) and finds the parcel packed. Only a worker or clerk held up for that millisecond lets the
 * courier in first. The walk is there because without it, with both threads starting together, the
 * courier often gets in line first with no noise at all: a bug that fails that often does not "work".
 *
 * How Jostle catches it. Noise that holds up the clerk for a millisecond before it hands in the job lets
 * the courier get in line first; from then on the starvation feeds itself, noise or not, until the courier
 * gives up and the scenario fails with the count of its looks.
 *
 * The fixes:
 *   Courier_02_Aging    - (lock) the line, under one lock, ages every job it passes over: a routine job
 *                         passed over once ranks with urgent ones, and among equals the oldest goes first.
 *                         Urgency still counts; it can no longer shut a job out for ever.
 *   Courier_03_Messages - the courier stops looking: the packing job, when done, sends the courier off with
 *                         the packed parcel (an immutable message). No job waits by getting back in line, so
 *                         an urgent job is in line only when there is urgent work. Same priority line.
 *   Courier_04_Channel  - the worker serves a plain queue, first come, first served: the courier's next look
 *                         gets in line behind the packing job. (It gives up urgency altogether.)
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Courier
 */
package dev.jostle.samples.starvation;

import java.util.Comparator;
import java.util.concurrent.PriorityBlockingQueue;

/** Urgent jobs first, and a courier that waits by getting back in line: broken. */
public final class Courier_01_Broken extends PollingBench {

    public Courier_01_Broken() {
        // A strict priority line: an urgent job in line always goes before any routine one, however long
        // the routine one has waited.
        super(new QueueLine(new PriorityBlockingQueue<>(4, Comparator.comparingInt(Job::urgency))));
    }
}
