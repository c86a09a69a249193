/*
 * POOL-419, a return racing an invalidate (commons-pool2 2.12.1 and earlier; fixed in 2.13.0).
 *
 * The interleaving: thread A returns an object while thread B invalidates the same object.
 *   A  returnObject: p.deallocate()            state ALLOCATED -> IDLE
 *   B  invalidateObject: synchronized (p) { destroy(p) }: p -> INVALID, idleObjects.remove(p) finds nothing
 *      (A has not added it yet), allObjects.remove(p)
 *   A  idleObjects.addFirst(p)                  an invalid object, no longer in allObjects, now sits idle
 * getNumActive() is allObjects.size() - idleObjects.size(): it turns negative, and the idle count counts an
 * object the pool no longer owns. invalidateObject holds p's monitor but returnObject did not; 2.13.0 makes
 * returnObject hold it too, so the two no longer interleave.
 *
 * It usually passes because A's window between deallocate() and addFirst() is a few field reads long, and
 * two freshly started threads rarely line up on it.
 */
package dev.jostle.stress.realworld.pool419;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/** One try at POOL-419: a few borrowed objects, one thread returning them while another invalidates them. */
final class ReturnRacingInvalidate {

    /** Objects raced per try: each is one chance for the two threads to meet in the window. */
    static final int OBJECTS = 4;

    private ReturnRacingInvalidate() {
    }

    /** The pool version on the class path, read from its jar's manifest. */
    static String poolVersion() {
        return String.valueOf(GenericObjectPool.class.getPackage().getImplementationVersion());
    }

    /**
     * Runs one try.
     *
     * @return {@code null} when the pool's counts stay consistent, else what is wrong with them
     */
    static String tryOnce() throws Exception {
        GenericObjectPoolConfig<Object> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(OBJECTS);
        config.setMaxIdle(OBJECTS);
        // One MBean per pool per try would cost more than the race itself.
        config.setJmxEnabled(false);
        try (GenericObjectPool<Object> pool = new GenericObjectPool<>(new Objects(), config)) {
            List<Object> borrowed = new ArrayList<>();
            for (int i = 0; i < OBJECTS; i++) {
                borrowed.add(pool.borrowObject());
            }
            CountDownLatch start = new CountDownLatch(1);
            Thread returner = new Thread(() -> forEach(start, borrowed, pool::returnObject), "returner");
            Thread invalidator = new Thread(() -> forEach(start, borrowed, pool::invalidateObject), "invalidator");
            returner.start();
            invalidator.start();
            start.countDown();
            returner.join();
            invalidator.join();
            int active = pool.getNumActive();
            if (active != 0) {
                return "POOL-419: a return racing an invalidate left the pool counting " + active
                        + " active objects (expected 0; numIdle=" + pool.getNumIdle() + ", commons-pool2 "
                        + poolVersion() + ")";
            }
            return null;
        }
    }

    /**
     * Applies the action to every object once the start latch opens. The loser of each race is told so by an
     * IllegalStateException ("not currently part of this pool", "already returned or invalid"): that is the
     * pool's documented answer to a misuse, not the bug.
     */
    private static void forEach(CountDownLatch start, List<Object> objects, PoolAction action) {
        try {
            start.await();
            for (Object object : objects) {
                try {
                    action.apply(object);
                } catch (IllegalStateException expected) {
                    // the other thread got there first
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface PoolAction {
        void apply(Object object) throws Exception;
    }

    private static final class Objects extends BasePooledObjectFactory<Object> {
        @Override
        public Object create() {
            return new Object();
        }

        @Override
        public PooledObject<Object> wrap(Object object) {
            return new DefaultPooledObject<>(object);
        }
    }
}
