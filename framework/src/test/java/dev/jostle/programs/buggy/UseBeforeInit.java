package dev.jostle.programs.buggy;

/**
 * Ordering violation, 2 threads, narrow window, 5 ms margin. Main starts the reader and only then
 * publishes the configuration it reads. The reader first spends about 5 ms opening its connection, by
 * which time main, a few microseconds after start(), has long written the field. Breaks only when main is
 * held up for longer than that between start() and the write: the reader sees null.
 *
 * <p>The margin is what makes this bug "work": without it, a thread that happens to run the moment it is
 * started already beats main's write in a few rounds of a hundred on a busy machine, which is a flaky
 * program, not a hidden bug.
 */
public class UseBeforeInit {
    static final long MARGIN_MILLIS = 5;
    static String config;

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[1];
        Thread reader = new Thread(() -> {
            openConnection(MARGIN_MILLIS);
            seen[0] = config;
        }, "reader");
        reader.start();
        config = "port=8080";
        reader.join();
        if (seen[0] == null) {
            throw new AssertionError("reader ran before main published the configuration");
        }
    }

    /** Stands for ordinary work that takes a while, such as waiting for I/O. */
    static void openConnection(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
