package dev.jostle.stress.reallibs.pool135;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.pool.BasePoolableObjectFactory;
import org.apache.commons.pool.impl.GenericObjectPool;

/**
 * POOL-135, "_numActive > _maxActive under load", in Apache Commons Pool 1.4 (fixed in 1.5, per pool's
 * changes.xml).
 *
 * <p>The interleaving, read in 1.4's {@code GenericObjectPool}: {@code returnObject} puts the object back on the
 * idle list in one synchronized block and decrements {@code _numActive} in a second one. A borrower that runs
 * between the two takes the object from the idle list and increments {@code _numActive}, so the pool counts
 * {@code maxActive + 1} active objects. It usually passes because the gap between the two blocks is a few
 * instructions. 1.5 moved the decrement into the block that returns the object.
 *
 * <p>Three threads borrow and return against {@code maxActive = 2}; any borrower that sees more than two active
 * objects fails the program with a message that starts with {@code POOL-135}.
 */
public final class ActiveOverMax {
    private static final int MAX_ACTIVE = 2;
    private static final int THREADS = 3;
    private static final int BORROWS_PER_THREAD = 200;

    public static void main(String[] args) throws Exception {
        GenericObjectPool pool = new GenericObjectPool(new BasePoolableObjectFactory() {
            @Override
            public Object makeObject() {
                return new Object();
            }
        }, MAX_ACTIVE);
        AtomicReference<String> seen = new AtomicReference<>();
        Thread[] borrowers = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            borrowers[t] = new Thread(() -> borrowAndReturn(pool, seen), "borrower-" + t);
            borrowers[t].start();
        }
        for (Thread borrower : borrowers) {
            borrower.join();
        }
        pool.close();
        if (seen.get() != null) {
            throw new IllegalStateException(seen.get());
        }
    }

    private static void borrowAndReturn(GenericObjectPool pool, AtomicReference<String> seen) {
        try {
            for (int i = 0; i < BORROWS_PER_THREAD; i++) {
                Object borrowed = pool.borrowObject();
                int active = pool.getNumActive();
                if (active > MAX_ACTIVE) {
                    seen.compareAndSet(null, "POOL-135: numActive " + active + " > maxActive " + MAX_ACTIVE);
                }
                pool.returnObject(borrowed);
            }
        } catch (Exception e) {
            throw new IllegalStateException("borrow or return failed", e);
        }
    }

    private ActiveOverMax() {
    }
}
