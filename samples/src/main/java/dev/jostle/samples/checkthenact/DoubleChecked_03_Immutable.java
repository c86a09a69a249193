/*
 * Double-checked locking, replaced by publishing an immutable map once.
 *
 * The list is built whole as an immutable Map.of(...) and offered with compareAndSet(null, list). There is
 * no lock, no half-filled state (the map cannot be changed after it is built) and no second check: a till
 * either sees no list and offers one, or sees the finished list. Two tills may both build a list; only the
 * first offer is kept, and both lists are identical anyway.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only DoubleChecked
 */
package dev.jostle.samples.checkthenact;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** An immutable price list, published once. */
public final class DoubleChecked_03_Immutable implements PriceList {

    private final AtomicReference<Map<String, Integer>> prices = new AtomicReference<>();

    @Override
    public int price(String item) {
        Map<String, Integer> list = prices.get();
        if (list == null) {
            prices.compareAndSet(null, Map.of("cake", 250, "tea", DoubleCheckedScenario.TEA));
            list = prices.get();
        }
        return list.getOrDefault(item, 0);
    }
}
