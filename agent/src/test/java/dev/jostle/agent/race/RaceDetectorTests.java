package dev.jostle.agent.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jostle.agent.bootstrap.Event;
import dev.jostle.agent.bootstrap.Sites;
import dev.jostle.fixtures.Frames;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Drives the detector with the events instrumented code would send, from real threads. The tests' own
 * latches order the threads but are invisible to the detector: it sees only the events sent to it, which
 * is exactly what makes "ordered in practice, unordered in the memory model" visible.
 */
class RaceDetectorTests {

    private static final int READ_COUNT = site(Event.FIELD_READ, "increment", 10, "Counter.count", false);
    private static final int WRITE_COUNT = site(Event.FIELD_WRITE, "increment", 10, "Counter.count", false);
    private static final int WRITE_DATA = site(Event.FIELD_WRITE, "publish", 20, "Box.data", false);
    private static final int READ_DATA = site(Event.FIELD_READ, "consume", 30, "Box.data", false);
    private static final int WRITE_READY = site(Event.FIELD_WRITE, "publish", 21, "Box.ready", true);
    private static final int READ_READY = site(Event.FIELD_READ, "consume", 29, "Box.ready", true);
    private static final int WRITE_PLAIN_READY = site(Event.FIELD_WRITE, "publish", 21, "Box.plainReady", false);
    private static final int READ_PLAIN_READY = site(Event.FIELD_READ, "consume", 29, "Box.plainReady", false);
    private static final int LOCK = site(Event.MONITOR_EXIT, "increment", 9, null, false);
    private static final int START = site(Event.THREAD_START, "main", 5, "java.lang.Thread.start", false);
    private static final int JOIN = site(Event.AFTER_THREAD_JOIN, "main", 6, "java.lang.Thread.join", false);
    private static final int QUEUE = site(Event.SYNC_CALL, "handOff", 40, "java.util.concurrent.BlockingQueue.put", false);
    private static final int ARRAY_WRITE = site(Event.ARRAY_WRITE, "fill", 50, "int[]", false);

    private final RaceDetector detector = new RaceDetector();
    private final DetectorProbe probe = new DetectorProbe(detector);
    private final Object counter = new Object();
    private final Object box = new Object();

    private static int site(int kind, String method, int line, String member, boolean isVolatile) {
        return Sites.register(kind, "com.example.Fixture", method, "Fixture.java", line, member, isVolatile);
    }

    @Test
    void twoThreadsIncrementWithoutALock_detector_reportsTheRaceWithBothSitesAndThreads() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0); // the round's first thread
        runInOrder(
                () -> increment(false),
                () -> increment(false));

        // Two site pairs race: first's write against second's read, and against second's write.
        List<Race> races = detector.races();
        assertEquals(2, races.size(), races.toString());
        Race race = races.get(0);
        assertEquals("Counter.count", race.variable());
        assertTrue(race.describe().contains("Fixture.increment(Fixture.java:10)"), race.describe());
        assertTrue(race.describe().contains("\"first\"") && race.describe().contains("\"second\""), race.describe());
        assertTrue(race.earlier().write() && !race.later().write(), "write, then an unordered read");
        assertTrue(races.get(1).earlier().write() && races.get(1).later().write(), "write, then an unordered write");
    }

    /**
     * A program may wait for an object it dropped to be collected (Commons Pool's tests wait for an abandoned
     * pool): the detector's per-thread caches of shadows must not keep the object, its monitor or its array alive.
     */
    @Test
    void objectsTheThreadTouchedThenDropped_detector_keepsNoneOfThemAlive() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        Object owner = new Object();
        Object monitor = new Object();
        int[] array = new int[4];
        probe.on(Event.FIELD_WRITE, owner, 0, WRITE_COUNT);
        probe.on(Event.AFTER_MONITOR_ENTER, monitor, 0, LOCK);
        probe.on(Event.MONITOR_EXIT, monitor, 0, LOCK);
        probe.on(Event.ARRAY_WRITE, array, 1, ARRAY_WRITE);
        List<java.lang.ref.WeakReference<Object>> dropped = List.of(new java.lang.ref.WeakReference<>(owner),
                new java.lang.ref.WeakReference<>(monitor), new java.lang.ref.WeakReference<>(array));
        owner = null;
        monitor = null;
        array = null;

        for (int i = 0; i < 50 && dropped.stream().anyMatch(ref -> ref.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertTrue(dropped.stream().allMatch(ref -> ref.get() == null),
                "still reachable: " + dropped.stream().map(java.lang.ref.Reference::get).toList());
    }

    @Test
    void earlierThreadComesBackToItsSite_detector_givesTheEarlierAccessThatStack() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch raced = new CountDownLatch(1);
        CountDownLatch cameBack = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT);
            wrote.countDown();
            await(raced);
            // The same site, in the same thread, after the race was found.
            Frames.callFromHere(() -> probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT));
            cameBack.countDown();
        }, "first");
        probe.on(Event.THREAD_START, first, 0, START);
        first.start();
        wrote.await(); // "second" must write after "first" for the race to be found when it writes
        Thread second = new Thread(() -> probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT), "second");
        probe.on(Event.THREAD_START, second, 0, START);
        second.start();
        second.join();
        List<StackTraceElement> before = detector.races().get(0).earlier().stack();
        raced.countDown();
        cameBack.await();

        Race race = detector.races().get(0);
        assertEquals(List.of(), before, "no stack until the earlier thread comes back");
        assertTrue(race.earlier().stack().stream()
                .anyMatch(frame -> frame.getMethodName().equals("callFromHere")), race.describe());
        assertTrue(race.describe().contains("(stack of this thread's next access here)"), race.describe());
        assertTrue(!race.later().stack().isEmpty(), "the later access keeps its own: " + race.describe());
    }

    @Test
    void earlierThreadNeverComesBack_detector_reportsItsSiteWithoutAStack() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT),
                () -> probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT),
                () -> probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT)); // another thread, same site

        Race race = detector.races().get(0);
        assertEquals("first", race.earlier().thread());
        assertEquals(List.of(), race.earlier().stack(), "another thread's access there is not the earlier one's");
        assertTrue(!race.describe().contains("next access here"), race.describe());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoThreadsIncrementUnderOneLock_detector_reportsNothing() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> increment(true),
                () -> increment(true));

        assertEquals(List.of(), detector.races());
    }

    @Test
    void dataPublishedThroughAVolatileFlag_detector_reportsNothing() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> {
                    probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA);
                    probe.on(Event.FIELD_WRITE, box, 0, WRITE_READY);
                },
                () -> {
                    probe.on(Event.FIELD_READ, box, 0, READ_READY);
                    probe.on(Event.AFTER_VOLATILE_READ, box, 0, READ_READY);
                    probe.on(Event.FIELD_READ, box, 0, READ_DATA);
                });

        assertEquals(List.of(), detector.races());
    }

    @Test
    void dataPublishedThroughAPlainFlag_detector_reportsBothRaces() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> {
                    probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA);
                    probe.on(Event.FIELD_WRITE, box, 0, WRITE_PLAIN_READY);
                },
                () -> {
                    probe.on(Event.FIELD_READ, box, 0, READ_PLAIN_READY);
                    probe.on(Event.FIELD_READ, box, 0, READ_DATA);
                });

        assertEquals(2, detector.races().size(), detector.races().toString());
    }

    @Test
    void childStartedAndJoined_detector_ordersParentAndChild() throws Exception {
        probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA); // parent writes before start
        Thread child = new Thread(() -> {
            probe.on(Event.FIELD_READ, box, 0, READ_DATA);
            probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA);
        }, "child");
        probe.on(Event.THREAD_START, child, 0, START);
        child.start();
        child.join();
        probe.on(Event.AFTER_THREAD_JOIN, child, 0, JOIN);
        probe.on(Event.FIELD_READ, box, 0, READ_DATA); // parent reads after join

        assertEquals(List.of(), detector.races());
    }

    @Test
    void poolWorkerReceivesWorkThroughAQueue_detector_reportsNothing() throws Exception {
        probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA); // the round's thread prepares a task
        probe.on(Event.SYNC_CALL, null, 0, QUEUE);       // and hands it over
        Thread worker = new Thread(() -> probe.on(Event.FIELD_READ, box, 0, READ_DATA), "pool-1-thread-1");
        worker.start(); // started by code the agent does not see, as a JDK executor would
        worker.join();

        assertEquals(List.of(), detector.races());
    }

    @Test
    void readersShareThenAnUnorderedWriter_detector_reportsTheReadWriteRace() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> probe.on(Event.FIELD_READ, box, 0, READ_DATA),
                () -> probe.on(Event.FIELD_READ, box, 0, READ_DATA),
                () -> probe.on(Event.FIELD_WRITE, box, 0, WRITE_DATA));

        List<Race> races = detector.races();
        assertEquals(1, races.size(), races.toString());
        assertTrue(!races.get(0).earlier().write() && races.get(0).later().write());
    }

    @Test
    void sameRacingSitesManyTimes_detector_reportsThePairOnce() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> { for (int i = 0; i < 100; i++) { increment(false); } },
                () -> { for (int i = 0; i < 100; i++) { increment(false); } });

        assertEquals(2, detector.races().size(), "the write-read and the write-write pair, once each");
    }

    @Test
    void differentElementsOfOneArray_detector_reportsNothing() throws Exception {
        int[] cells = new int[2];
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> probe.on(Event.ARRAY_WRITE, cells, 0, ARRAY_WRITE),
                () -> probe.on(Event.ARRAY_WRITE, cells, 1, ARRAY_WRITE));
        assertEquals(List.of(), detector.races());

        runInOrder(() -> probe.on(Event.ARRAY_WRITE, cells, 1, ARRAY_WRITE));
        assertEquals(1, detector.races().size(), "the same element from another thread races");
    }

    @Test
    void sameElementInALaterChunkOfALargeArray_detector_reportsOnlyThatElement() throws Exception {
        int[] cells = new int[100_000];
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> probe.on(Event.ARRAY_WRITE, cells, 99_999, ARRAY_WRITE),
                () -> {
                    probe.on(Event.ARRAY_WRITE, cells, 99_998, ARRAY_WRITE);
                    probe.on(Event.ARRAY_WRITE, cells, 256, ARRAY_WRITE);
                });
        assertEquals(List.of(), detector.races(), "neighbours, and an element in another chunk, do not race");

        runInOrder(() -> probe.on(Event.ARRAY_WRITE, cells, 99_999, ARRAY_WRITE));
        assertEquals(1, detector.races().size(), "the last element from another thread races");
        assertEquals("int[] element", detector.races().get(0).variable());
    }

    @Test
    void indexOutOfBounds_detector_ignoresTheAccessWithoutThrowing() throws Exception {
        int[] cells = new int[3];
        probe.on(Event.FIELD_READ, null, 0, 0);
        runInOrder(
                () -> probe.on(Event.ARRAY_WRITE, cells, 3, ARRAY_WRITE),
                () -> probe.on(Event.ARRAY_WRITE, cells, -1, ARRAY_WRITE),
                () -> probe.on(Event.ARRAY_WRITE, cells, 3, ARRAY_WRITE));

        assertEquals(List.of(), detector.races(), "an access that throws touched nothing");
    }

    @Test
    void arraysBecomeGarbage_detector_releasesTheirElementShadows() throws InterruptedException {
        for (int i = 0; i < 50_000; i++) {
            probe.on(Event.ARRAY_WRITE, new int[16], 3, ARRAY_WRITE);
        }
        assertGarbageCollectedDownToAThousandShadows();
    }

    @Test
    void racyFieldHitManyTimesByFourThreads_detector_reportsEachSitePairOnce() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    increment(false);
                }
            }, "racer-" + t);
            probe.on(Event.THREAD_START, threads[t], 0, START);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        // Two site pairs exist: {read, write} (in either order) and {write, write}. Each is reported at
        // most once, however often the four threads hit it.
        List<Race> races = detector.races();
        assertTrue(!races.isEmpty() && races.size() <= 2, races.toString());
        long distinct = races.stream()
                .map(r -> r.earlier().site().location() + r.earlier().write() + r.later().write())
                .distinct().count();
        assertEquals(races.size(), distinct, races.toString());
    }

    @Test
    void objectsBecomeGarbage_detector_releasesTheirShadowState() throws InterruptedException {
        for (int i = 0; i < 50_000; i++) {
            probe.on(Event.FIELD_WRITE, new Object(), 0, WRITE_DATA);
        }
        assertGarbageCollectedDownToAThousandShadows();
    }

    /**
     * Of 50,000 garbage objects' or arrays' shadows, at most a thousand outlive a few collections. A collection
     * clears the weak references at once, but the JVM's reference handler thread queues them later, and the
     * detector forgets a shadow only when its reference is queued: on a loaded machine twenty collections in a
     * row ended before one reference was queued (50,000 shadows left), so each collection is given a moment.
     */
    private void assertGarbageCollectedDownToAThousandShadows() throws InterruptedException {
        for (int attempt = 0; attempt < 100 && detector.shadowCount() > 1_000; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(detector.shadowCount() <= 1_000, "shadows left: " + detector.shadowCount());
    }

    @Test
    void closedDetector_eventsFromLeftoverThreads_areIgnored() throws Exception {
        probe.on(Event.FIELD_READ, null, 0, 0);
        detector.close();
        runInOrder(() -> increment(false), () -> increment(false));

        assertEquals(List.of(), detector.races());
    }

    /**
     * Threads that first meet the detector at the same moment each get a number, and a race names the
     * earlier access's thread by that number: the name filed under it must be that thread's own, whatever
     * order the threads were numbered and filed in. (Filing names in arrival order would swap them: a race
     * would report the updater's access as the reader's.)
     */
    @Test
    void threadsMeetingTheDetectorAtOnce_eachNumber_namesItsOwnThread() throws Exception {
        int threads = 8;
        for (int attempt = 0; attempt < 200; attempt++) {
            RaceDetector fresh = new RaceDetector();
            CountDownLatch go = new CountDownLatch(1);
            int[] tids = new int[threads];
            Thread[] started = new Thread[threads];
            for (int i = 0; i < threads; i++) {
                int me = i;
                started[i] = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    tids[me] = fresh.threadClock().tid;
                }, "thread-" + i);
                started[i].start();
            }
            go.countDown();
            for (Thread thread : started) {
                thread.join();
            }
            for (int i = 0; i < threads; i++) {
                assertEquals("thread-" + i, fresh.threadName(tids[i]), "attempt " + attempt);
            }
        }
    }

    private void increment(boolean locked) {
        if (locked) {
            probe.on(Event.AFTER_MONITOR_ENTER, counter, 0, LOCK);
        }
        probe.on(Event.FIELD_READ, counter, 0, READ_COUNT);
        probe.on(Event.FIELD_WRITE, counter, 0, WRITE_COUNT);
        if (locked) {
            probe.on(Event.MONITOR_EXIT, counter, 0, LOCK);
        }
    }

    /**
     * Runs each action in its own thread, one after the other (the detector never sees this ordering).
     * Threads are named first, second, third. Each is started from the test thread with a start edge, as
     * instrumented code would, so only the actions' own events can order them.
     */
    private void runInOrder(Runnable... actions) throws Exception {
        String[] names = {"first", "second", "third"};
        for (int i = 0; i < actions.length; i++) {
            CountDownLatch done = new CountDownLatch(1);
            Runnable action = actions[i];
            Thread thread = new Thread(() -> {
                action.run();
                done.countDown();
            }, names[i]);
            probe.on(Event.THREAD_START, thread, 0, START);
            thread.start();
            done.await();
        }
    }
}
