/*
 * Visibility (stop flag), fixed with a channel.
 *
 * There is no shared flag: stop() sends a message on a queue, and the spinner polls the queue every lap.
 * The queue's own synchronisation makes the message visible; nothing the spinner reads can be cached.
 * (Thread.interrupt() is the JDK's built-in form of the same message.)
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only StopFlag
 */
package dev.jostle.samples.visibility;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Polls a control queue for the stop message. */
public final class StopFlag_03_Channel implements Spinner {

    private final BlockingQueue<String> control = new LinkedBlockingQueue<>();

    @Override
    public long spin() {
        long laps = 0;
        while (control.peek() == null && laps < LIMIT) {
            laps++;
        }
        return laps;
    }

    @Override
    public void stop() {
        control.add("stop");
    }
}
