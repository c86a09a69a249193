/*
 * Starvation (an urgent job that waits by getting back in line), fixed with a lock and aging.
 *
 * The courier still looks and gets back in line, and urgent jobs still go first; what changes is the line.
 * It is a plain list under the line's lock (AgingLine), and every time the worker passes a job over, that
 * job ages by one: its rank is its urgency minus the number of times it was passed over, and among equal
 * ranks the oldest goes first. The packing job (routine, 1) passed over once by the courier ranks 0, as
 * urgent as the courier's next look, and it is older: it goes next. However many urgent jobs arrive, a
 * routine job waits behind at most one of them. The lock makes "pick the best, age the rest" one step for
 * every thread that adds or takes.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Courier
 */
package dev.jostle.samples.starvation;

/** Urgent first, but every job passed over ages: nobody waits for ever. */
public final class Courier_02_Aging extends PollingBench {

    public Courier_02_Aging() {
        super(new AgingLine());
    }
}
