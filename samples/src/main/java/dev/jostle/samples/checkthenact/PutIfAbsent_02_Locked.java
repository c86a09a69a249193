/*
 * Check-then-act (put-if-absent), fixed with a lock.
 *
 * PutIfAbsent_01_Broken checks and puts in two calls, and another waiter can slip between them. Here the
 * whole check-put-get runs under the Tabs object's lock, so the second waiter checks only after the first
 * has put, and finds the tab. A plain HashMap is enough now: the lock guards every access.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only PutIfAbsent
 */
package dev.jostle.samples.checkthenact;

import java.util.HashMap;
import java.util.Map;

/** Checks and puts under one lock. */
public final class PutIfAbsent_02_Locked implements Tabs {

    private final Map<String, Tab> tabs = new HashMap<>();
    private int opened;

    @Override
    public synchronized Tab tabFor(String customer) {
        Tab tab = tabs.get(customer);
        if (tab == null) {
            opened++;
            tab = new Tab(customer);
            tabs.put(customer, tab);
        }
        return tab;
    }

    @Override
    public synchronized int opened() {
        return opened;
    }
}
