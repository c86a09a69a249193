/*
 * Livelock (polite diners), fixed with immutable messages.
 *
 * The courtesy goes, and so does the spoon as something to hand back and forth. What the diners share is
 * one immutable Meals value, replaced whole with compareAndSet: a diner eats by swapping in a value with one
 * more meal. A swap fails only if the other diner's swap succeeded in between, and then this diner tries
 * again from the newer value. That is the cure for livelock in one line: every failed attempt means some
 * other attempt succeeded, so the pair as a whole always makes progress (lock-free), where the polite pair
 * of Diners_01_Broken could both be busy for ever with nobody eating.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Diners
 */
package dev.jostle.samples.livelock;

import java.util.concurrent.atomic.AtomicReference;

/** The meals eaten are an immutable value, swapped whole; no courtesy, no spoon to hand over. */
public final class Diners_04_Messages implements Spoon {

    /** The meals eaten so far; never changed, only replaced. */
    private record Meals(int eaten) {
    }

    private final AtomicReference<Meals> meals = new AtomicReference<>(new Meals(0));

    @Override
    public void dine(int me) {
        Meals seen;
        do {
            seen = meals.get();
        } while (!meals.compareAndSet(seen, new Meals(seen.eaten() + 1)));
    }

    @Override
    public int meals() {
        return meals.get().eaten();
    }
}
