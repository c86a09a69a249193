/*
 * Check-then-act: put-if-absent in two calls on a thread-safe map.
 *
 * ConcurrentHashMap makes each call atomic, not the sequence. The interleaving that breaks it:
 *
 *   waiter-0: tabs.containsKey("ada")?  no
 *   waiter-1: tabs.containsKey("ada")?  no
 *   waiter-0: tabs.put("ada", tab #1)
 *   waiter-1: tabs.put("ada", tab #2)     <- replaces #1; waiter-0 keeps writing on a tab nobody will pay
 *
 * Why it usually passes anyway. The check and the put are a few hundred nanoseconds apart and the second
 * waiter starts tens of microseconds after the first.
 *
 * How Jostle catches it. The map's own code is not instrumented (it is the JDK), but this class's reads of
 * the `tabs` field between the two calls are: noise there parks the first waiter between check and put.
 *
 * The fixes:
 *   PutIfAbsent_02_Locked  - the check and the put happen under one lock.
 *   PutIfAbsent_03_Atomic  - one call, computeIfAbsent, which the map performs atomically (a lock inside the
 *                            map, per bin): there is no window between check and act to stand in.
 *   PutIfAbsent_04_Channel - one owner thread keeps the map; waiters ask it for a tab through a queue.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only PutIfAbsent
 */
package dev.jostle.samples.checkthenact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Checks, then puts, in two calls on a ConcurrentHashMap: broken. */
public final class PutIfAbsent_01_Broken implements Tabs {

    private final Map<String, Tab> tabs = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();

    @Override
    public Tab tabFor(String customer) {
        if (!tabs.containsKey(customer)) {
            opened.incrementAndGet();
            tabs.put(customer, new Tab(customer));
        }
        return tabs.get(customer);
    }

    @Override
    public int opened() {
        return opened.get();
    }
}
