package dev.jostle.bench;

/**
 * A shared-memory-heavy program for {@link OverheadBenchmark}: several threads read and write one array
 * and a plain counter field, and (unless told not to) every 64 steps add to a total under a shared lock. Most steps touch
 * shared memory, so nearly every line is an instrumented access: a worst case for the hooks rather than a
 * typical program. The racy counter is deliberate (it is what the tool is for) and never checked.
 */
final class Workload {

    private static final int CELLS = 1 << 12;

    private final int[] cells = new int[CELLS];
    private final Object lock = new Object();
    private int racyHits;
    private long total;

    /**
     * What to run.
     *
     * @param threads threads, each running {@code steps} steps
     * @param locks   whether the threads also take a shared lock every 64 steps (a separate method, so that
     *                how the JIT treats an instrumented {@code synchronized} block shows on its own)
     * @param work    steps of arithmetic on locals between one step's shared accesses and the next's
     */
    record Shape(int threads, int steps, boolean locks, int work) {

        /** The same with fewer steps: an observation round's short run. */
        Shape withSteps(int fewer) {
            return new Shape(threads, fewer, locks, work);
        }

        /** "4 threads x 1,000,000 steps (array read+write, ...)". */
        String describe() {
            return String.format(java.util.Locale.ROOT, "%d threads x %,d steps (array read+write, a racy field"
                    + " every 16%s%s)", threads, steps, locks ? ", a synchronized block every 64" : ", no locks",
                    work > 0 ? ", " + work + " steps of local arithmetic each" : "");
        }
    }

    /** Runs the shape's threads and waits for them; returns a checksum. */
    static long run(Shape shape) throws InterruptedException {
        int threads = shape.threads();
        int steps = shape.steps();
        boolean locks = shape.locks();
        int work = shape.work();
        Workload shared = new Workload();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Runnable task = locks ? () -> shared.work(id, steps, work) : () -> shared.workWithoutLocks(id, steps, work);
            workers[t] = new Thread(task, "bench-" + t);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return shared.total + shared.racyHits;
    }

    private void work(int id, int steps, int work) {
        int x = 0x9E3779B9 * (id + 1);
        for (int i = 0; i < steps; i++) {
            x = local(x, work);
            int slot = (x >>> 12) & (CELLS - 1);
            cells[slot] += x & 7;
            if ((i & 15) == 0) {
                racyHits++;
            }
            if ((i & 63) == 0) {
                synchronized (lock) {
                    total += cells[slot];
                }
            }
        }
    }

    private void workWithoutLocks(int id, int steps, int work) {
        int x = 0x9E3779B9 * (id + 1);
        for (int i = 0; i < steps; i++) {
            x = local(x, work);
            int slot = (x >>> 12) & (CELLS - 1);
            cells[slot] += x & 7;
            if ((i & 15) == 0) {
                racyHits++;
            }
        }
    }

    /** The step's next pseudo-random number, after {@code work} more: dependent multiplies no JIT can skip. */
    private static int local(int x, int work) {
        int next = x * 1103515245 + 12345;
        for (int k = 0; k < work; k++) {
            next = next * 1103515245 + 12345;
        }
        return next;
    }
}
