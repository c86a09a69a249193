package dev.jostle.samples.starvation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * The starvation itself, without threads or noise: each line served step by step, as the bench's worker
 * serves it, once the courier is in line before the packing job was picked (the state noise leads to).
 * The strict priority line never serves the packing job; the fixed lines serve it at once or next.
 */
class LinesTests {

    /** More steps than any fair line needs by far. */
    private static final int STEPS = 10_000;

    @Test
    void urgentFirstLine_courierLooksBeforePacking_packingIsNeverServed() throws InterruptedException {
        Line line = new QueueLine(new PriorityBlockingQueue<>(4, Comparator.comparingInt(Job::urgency)));

        assertEquals(-1, stepsBeforePacking(line));
    }

    @Test
    void agingLine_courierLooksBeforePacking_packingWaitsForOneLookOnly() throws InterruptedException {
        assertEquals(1, stepsBeforePacking(new AgingLine()));
    }

    @Test
    void firstComeLine_courierLooksBeforePacking_packingGoesFirst() throws InterruptedException {
        assertEquals(0, stepsBeforePacking(new QueueLine(new LinkedBlockingQueue<>())));
    }

    /**
     * Puts the packing job in line, then the courier, whose look gets back in line every time it is served
     * (the parcel is never packed while it is in line ahead); serves the line as the worker would.
     *
     * @return how many jobs were served before the packing job, or -1 if it was not served in {@link #STEPS}
     */
    private static int stepsBeforePacking(Line line) throws InterruptedException {
        boolean[] packed = {false};
        line.add(new Job(Job.ROUTINE, () -> packed[0] = true));
        Runnable[] look = new Runnable[1];
        look[0] = () -> line.add(new Job(Job.URGENT, look[0]));
        line.add(new Job(Job.URGENT, look[0]));
        for (int step = 0; step < STEPS; step++) {
            line.next().work().run();
            if (packed[0]) {
                return step;
            }
        }
        return -1;
    }
}
