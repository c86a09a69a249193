package dev.jostle.stress.reallibs.pool149;

import java.util.NoSuchElementException;
import org.apache.commons.pool.BasePoolableObjectFactory;
import org.apache.commons.pool.impl.GenericObjectPool;

/**
 * POOL-149, "a thread could end up waiting indefinitely even if objects were available; also leaks in the
 * internal processing object count that could lead to pool exhaustion", in Apache Commons Pool 1.5.2 (fixed in
 * 1.5.3, per pool's changes.xml).
 *
 * <p>The interleaving, read in 1.5.2's {@code GenericObjectPool.borrowObject}: a borrower that got neither an
 * idle object nor a permit to create one decides to wait, then takes its latch's monitor and waits if the latch
 * still holds no object. It does not look at the permit again. When another thread's {@code invalidateObject}
 * frees the capacity in between, {@code allocate()} hands the waiting borrower a create permit and counts it in
 * {@code _numInternalProcessing}; the borrower waits anyway, times out, and leaves the count behind. With
 * {@code maxActive = 1} the pool is then exhausted for good while nothing is active or idle. The window is the
 * few instructions between the two looks at the latch.
 *
 * <p>Two threads borrow and invalidate the pool's one object, as a client does with broken connections; after
 * they end, a borrow that finds the empty pool exhausted fails the program with a message that starts with
 * {@code POOL-149}.
 */
public final class PermitLostBeforeWait {
    private static final int ROUNDS = 200;
    private static final long MAX_WAIT_MILLIS = 1_000;

    public static void main(String[] args) throws Exception {
        GenericObjectPool pool = new GenericObjectPool(new BasePoolableObjectFactory() {
            @Override
            public Object makeObject() {
                return new Object();
            }
        }, 1, GenericObjectPool.WHEN_EXHAUSTED_BLOCK, MAX_WAIT_MILLIS);
        Thread[] clients = new Thread[2];
        for (int c = 0; c < clients.length; c++) {
            clients[c] = new Thread(() -> borrowAndInvalidate(pool), "client-" + c);
            clients[c].start();
        }
        for (Thread client : clients) {
            client.join();
        }
        pool.setWhenExhaustedAction(GenericObjectPool.WHEN_EXHAUSTED_FAIL);
        try {
            pool.invalidateObject(pool.borrowObject());
        } catch (NoSuchElementException exhausted) {
            throw new IllegalStateException("POOL-149: the pool is exhausted with " + pool.getNumActive()
                    + " active and " + pool.getNumIdle() + " idle objects (maxActive 1)", exhausted);
        }
        pool.close();
    }

    private static void borrowAndInvalidate(GenericObjectPool pool) {
        try {
            for (int i = 0; i < ROUNDS; i++) {
                Object borrowed;
                try {
                    borrowed = pool.borrowObject();
                } catch (NoSuchElementException timedOut) {
                    // main tells a lost permit from a slow peer once both clients are done
                    return;
                }
                pool.invalidateObject(borrowed);
            }
        } catch (Exception e) {
            throw new IllegalStateException("borrow or invalidate failed", e);
        }
    }

    private PermitLostBeforeWait() {
    }
}
