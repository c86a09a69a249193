package dev.jostle.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The time a round spends loading classes, on a clock the test moves. */
class LoadingTimeTests {

    private final AtomicLong nanos = new AtomicLong(500);
    private final LoadingTime time = new LoadingTime(nanos::get);

    @Test
    void oneLoad_nanos_isItsDuration_andCountsTheLoadUnderWay() {
        time.enter();
        nanos.addAndGet(30);

        assertEquals(30, time.nanos());
        assertTrue(time.loading());

        nanos.addAndGet(10);
        time.exit();
        nanos.addAndGet(1000);

        assertEquals(40, time.nanos());
        assertFalse(time.loading());
    }

    @Test
    void nestedAndOverlappingLoads_nanos_countsTheTimeAnyLoadWasUnderWayOnce() {
        time.enter(); // a class
        nanos.addAndGet(10);
        time.enter(); // its superclass, or another thread's class
        nanos.addAndGet(10);
        time.exit();
        nanos.addAndGet(10);
        time.exit();
        nanos.addAndGet(100); // not loading
        time.enter();
        nanos.addAndGet(5);
        time.exit();

        assertEquals(35, time.nanos());
    }
}
