/*
 * Check-then-act: double-checked locking, without volatile and publishing too early.
 *
 * The first check runs without the lock, to save locking once the list is loaded. The loader stores the
 * new map in the field and then fills it, inside the lock, believing the lock protects the filling. It
 * does not: the first check reads the field without the lock.
 *
 *   till-0: prices == null? yes; lock; prices == null? yes; prices = new HashMap()
 *   till-1: prices == null? no  -> prices.get("tea") == null: tea costs nothing (or a HashMap read
 *                                  while another thread writes it: anything can happen)
 *   till-0: prices.put("tea", 120); unlock
 *
 * Why it usually passes anyway. Filling the map takes a microsecond and the second till starts tens of
 * microseconds later.
 *
 * What this sample does not show. The textbook form of this bug fills the object in its constructor, and
 * only the missing `volatile` lets the JIT or the CPU make the reference visible before the filling. No
 * scheduling noise can reorder memory like that (and x86 hardly ever does), so Jostle's noise cannot show
 * that form; it needs a race detector, which reports the unordered read of `prices` even when every round
 * passes. This sample shows the form that noise does expose: the same missing happens-before, made
 * visible by storing the reference before the work is done.
 *
 * How Jostle catches it. Noise at the write of `prices` or at the following puts holds the loader inside
 * its critical section with the map already visible; the other till reads it half filled.
 *
 * The fixes:
 *   DoubleChecked_02_Volatile  - the map is filled in a local variable and only then stored in a volatile
 *                                field: a till that sees the map sees it whole (volatile write/read order).
 *   DoubleChecked_03_Immutable - the list is an immutable Map.copyOf, built whole and published once with
 *                                compareAndSet: there is no half-built state for anyone to see.
 *   No channel fix. Double-checked locking exists to make every read after the first free of
 *   synchronisation; a channel (an owner thread answering price requests, or the list passed around in a
 *   queue) puts a hand-over back on every read, which is the cost the idiom set out to remove. The channel
 *   form of "build once, hand the same one to all" is LazyInit_04_Channel; here 02 and 03 are the answers.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only DoubleChecked
 */
package dev.jostle.samples.checkthenact;

import java.util.HashMap;
import java.util.Map;

/** Double-checked locking that publishes the map before filling it: broken. */
public final class DoubleChecked_01_Broken implements PriceList {

    private Map<String, Integer> prices;

    @Override
    public int price(String item) {
        if (prices == null) {
            synchronized (this) {
                if (prices == null) {
                    prices = new HashMap<>();
                    prices.put("cake", 250);
                    prices.put("tea", DoubleCheckedScenario.TEA);
                }
            }
        }
        Integer price = prices.get(item);
        return price == null ? 0 : price;
    }
}
