/*
 * Check-then-act (lazy initialisation), fixed with a lock.
 *
 * In LazyInit_01_Broken two bakers can both see "no oven yet" and both build one. Here oven() is
 * synchronized: a second baker cannot check until the first has checked, built and stored, so it always
 * finds the oven. The cost, a lock on every call, is usually nothing next to the work the oven does.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only LazyInit
 */
package dev.jostle.samples.checkthenact;

/** Builds the oven on first use, under the supply's lock. */
public final class LazyInit_02_Locked implements OvenSupply {

    private Oven oven;
    private int built;

    @Override
    public synchronized Oven oven() {
        if (oven == null) {
            oven = new Oven(++built);
        }
        return oven;
    }
}
