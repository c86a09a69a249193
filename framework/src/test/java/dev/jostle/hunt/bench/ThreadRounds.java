package dev.jostle.hunt.bench;

/**
 * Only the threads of the benchmark's rounds: per round a fresh thread group and a round thread that starts
 * two threads doing nothing and joins them, as a round of {@code Passes} does; nothing loaded, nothing
 * linked, no Jostle. Above {@link PlainRounds}: the rounds per second that starting and ending three
 * threads a round allows on this machine, before any class is loaded.
 *
 * <p>Arguments: PARALLEL SECONDS. Prints {@code rounds N elapsedMillis M}.
 */
public final class ThreadRounds {

    private static final Runnable NOTHING = () -> { };

    private ThreadRounds() {
    }

    public static void main(String[] args) throws Exception {
        RoundDrivers.run(Integer.parseInt(args[0]), Long.parseLong(args[1]), () -> ThreadRounds::startTwoAndJoin);
    }

    private static void startTwoAndJoin() {
        Thread a = new Thread(NOTHING, "a");
        Thread b = new Thread(NOTHING, "b");
        a.start();
        b.start();
        joined(a);
        joined(b);
    }

    private static boolean joined(Thread thread) {
        try {
            thread.join();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
