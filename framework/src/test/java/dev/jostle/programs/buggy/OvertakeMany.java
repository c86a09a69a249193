package dev.jostle.programs.buggy;

import java.util.ArrayList;
import java.util.List;

/**
 * One thread must overtake many: the shared body of {@link OvertakeTen} and {@link OvertakeHundred}. Each
 * publisher moves a configuration from version 1 to version 2 in two steps, the version and then its
 * checksum, each under the lock; every access is synchronised, yet the move is not atomic. One auditor,
 * started after all the publishers, checks that the version and the checksum agree. Once any publisher has
 * written the new checksum the pair agrees for good, so the audit breaks only when the auditor gets ahead of
 * every publisher's second step after one publisher's first: a thread must overtake {@code publishers}
 * others, which noise on a real scheduler rarely arranges and priority-based scheduling (PCT) is built for.
 */
final class OvertakeMany {
    private static final Object LOCK = new Object();
    private static int version = 1;
    private static int checksum = checksumOf(1);

    private OvertakeMany() {
    }

    static void run(int publishers) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            threads.add(new Thread(OvertakeMany::publish, "publisher-" + i));
        }
        boolean[] torn = new boolean[1];
        threads.add(new Thread(() -> torn[0] = !agrees(), "auditor"));
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (torn[0]) {
            throw new AssertionError("the auditor saw a version without its checksum");
        }
    }

    private static void publish() {
        synchronized (LOCK) {
            version = 2;
        }
        synchronized (LOCK) {
            checksum = checksumOf(2);
        }
    }

    private static boolean agrees() {
        synchronized (LOCK) {
            return checksum == checksumOf(version);
        }
    }

    private static int checksumOf(int version) {
        return version * 31 + 7;
    }
}
