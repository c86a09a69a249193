package dev.jostle.programs.buggy;

/**
 * Ordering violation, 2 threads, narrow window. Main starts the reader and only then publishes the
 * configuration it reads. It almost always works because a new thread needs tens of microseconds to get
 * going, by which time main has long written the field. Breaks when main is held up between start() and
 * the write: the reader sees null.
 */
public class UseBeforeInit {
    static String config;

    public static void main(String[] args) throws InterruptedException {
        String[] seen = new String[1];
        Thread reader = new Thread(() -> seen[0] = config, "reader");
        reader.start();
        config = "port=8080";
        reader.join();
        if (seen[0] == null) {
            throw new AssertionError("reader ran before main published the configuration");
        }
    }
}
