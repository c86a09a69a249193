/*
 * Double-checked locking, fixed: a volatile field, written once the map is complete.
 *
 * Two changes to DoubleChecked_01_Broken. The map is filled in a local variable and stored in the field
 * last, so there is no moment at which the field holds a half-filled map. And the field is volatile, so
 * a till that reads the reference without the lock is guaranteed to see every write made before it was
 * stored (without volatile the JIT or CPU may make the reference visible before the contents). The lock
 * is still needed so that only one till loads the list.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only DoubleChecked
 */
package dev.jostle.samples.checkthenact;

import java.util.HashMap;
import java.util.Map;

/** Double-checked locking done right: fill, then publish through a volatile field. */
public final class DoubleChecked_02_Volatile implements PriceList {

    private volatile Map<String, Integer> prices;

    @Override
    public int price(String item) {
        Map<String, Integer> loaded = prices;
        if (loaded == null) {
            synchronized (this) {
                loaded = prices;
                if (loaded == null) {
                    loaded = new HashMap<>();
                    loaded.put("cake", 250);
                    loaded.put("tea", DoubleCheckedScenario.TEA);
                    prices = loaded;
                }
            }
        }
        Integer price = loaded.get(item);
        return price == null ? 0 : price;
    }
}
