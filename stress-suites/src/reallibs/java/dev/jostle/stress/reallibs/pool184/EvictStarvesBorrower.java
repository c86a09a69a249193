package dev.jostle.stress.reallibs.pool184;

import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.pool.BasePoolableObjectFactory;
import org.apache.commons.pool.impl.GenericObjectPool;

/**
 * POOL-184, "inappropriate pool starvation when evict() and borrowObject() are called concurrently", in Apache
 * Commons Pool 1.5.4 (fixed in 1.5.6, per pool's changes.xml).
 *
 * <p>The interleaving, read in 1.5.4's {@code GenericObjectPool}: {@code evict} takes an idle object off the idle
 * list to test it, outside the pool's lock. A borrower that comes in then finds no idle object and no spare
 * capacity ({@code maxActive} counts the object under test), queues its latch and waits. When the evictor puts
 * the object back it does not call {@code allocate()}, which is what hands idle objects to queued borrowers, so
 * the borrower waits out {@code maxWait} beside an idle object. It usually passes because the evictor holds the
 * object for a few instructions.
 *
 * <p>One thread borrows and returns the pool's only object while another runs the evictor; a borrower that times
 * out while the object is idle fails the program with a message that starts with {@code POOL-184}.
 */
public final class EvictStarvesBorrower {
    private static final int ROUNDS = 200;
    private static final long MAX_WAIT_MILLIS = 2_000;

    public static void main(String[] args) throws Exception {
        GenericObjectPool pool = new GenericObjectPool(new BasePoolableObjectFactory() {
            @Override
            public Object makeObject() {
                return new Object();
            }
        }, 1, GenericObjectPool.WHEN_EXHAUSTED_BLOCK, MAX_WAIT_MILLIS);
        pool.setTestWhileIdle(true);
        pool.addObject();
        AtomicReference<String> seen = new AtomicReference<>();
        Thread evictor = new Thread(() -> evictRepeatedly(pool), "evictor");
        Thread borrower = new Thread(() -> borrowRepeatedly(pool, seen), "borrower");
        evictor.start();
        borrower.start();
        evictor.join();
        borrower.join();
        pool.close();
        if (seen.get() != null) {
            throw new IllegalStateException(seen.get());
        }
    }

    /**
     * Runs the evictor as pool's own {@code Evictor} task does, which ignores every exception from {@code evict}:
     * 1.5.4's {@code evict} throws {@code NoSuchElementException} when a borrower empties the pool between its
     * emptiness check and its cursor step, and the pool counts on its caller to swallow that.
     */
    private static void evictRepeatedly(GenericObjectPool pool) {
        for (int i = 0; i < ROUNDS; i++) {
            try {
                pool.evict();
            } catch (Exception ignoredAsPoolsEvictorDoes) {
                // the next run of the evictor starts afresh
            }
        }
    }

    private static void borrowRepeatedly(GenericObjectPool pool, AtomicReference<String> seen) {
        try {
            for (int i = 0; i < ROUNDS; i++) {
                Object borrowed;
                try {
                    borrowed = pool.borrowObject();
                } catch (NoSuchElementException timedOut) {
                    int idle = pool.getNumIdle();
                    if (idle > 0) {
                        seen.compareAndSet(null, "POOL-184: borrowObject waited " + MAX_WAIT_MILLIS
                                + " ms and timed out while " + idle + " object was idle");
                        return;
                    }
                    continue;
                }
                pool.returnObject(borrowed);
            }
        } catch (Exception e) {
            throw new IllegalStateException("borrow or return failed", e);
        }
    }

    private EvictStarvesBorrower() {
    }
}
