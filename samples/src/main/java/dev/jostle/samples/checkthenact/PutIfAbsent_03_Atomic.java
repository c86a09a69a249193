/*
 * Check-then-act (put-if-absent), fixed with the map's own atomic operation.
 *
 * ConcurrentHashMap.computeIfAbsent checks and inserts as one operation: the map locks the key's bin while
 * it runs the function, so a second waiter asking for "ada" waits and then gets the first waiter's tab.
 * The window of PutIfAbsent_01_Broken (between containsKey and put) does not exist in one call.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only PutIfAbsent
 */
package dev.jostle.samples.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One computeIfAbsent call instead of a check and a put. */
public final class PutIfAbsent_03_Atomic implements Tabs {

    private final ConcurrentMap<String, Tab> tabs = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();

    @Override
    public Tab tabFor(String customer) {
        return tabs.computeIfAbsent(customer, name -> {
            opened.incrementAndGet();
            return new Tab(name);
        });
    }

    @Override
    public int opened() {
        return opened.get();
    }
}
