package dev.jostle.stress.reallibs.log4j43599;

import java.util.ArrayList;
import java.util.List;
import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.AsyncAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * log4j bug 43599, "AsyncAppender failing on changing message objects", in log4j 1.2.12 (fixed in 1.2.16, per
 * log4j 1.2's changes.xml).
 *
 * <p>The interleaving, read in 1.2.12's bytecode: {@code AsyncAppender.append} copies the NDC, the thread name
 * and the MDC into the event before queueing it, but not the rendered message. The dispatcher thread renders the
 * message object later, when it hands the event to the attached appender. A caller that changes the object
 * after {@code info} returns and before the dispatcher renders it gets the new value logged in place of the one it
 * logged. 1.2.16 renders the message in {@code append}, on the caller's thread.
 *
 * <p>One thread logs one reused, changing message object; an appender behind the {@code AsyncAppender} records
 * what it was given. A record that differs from what was logged fails the program with a message that starts
 * with {@code log4j 43599}.
 */
public final class ChangingMessage {
    private static final int EVENTS = 20;

    public static void main(String[] args) {
        Recorder recorder = new Recorder();
        AsyncAppender async = new AsyncAppender();
        async.addAppender(recorder);
        Logger logger = Logger.getLogger(ChangingMessage.class.getName());
        logger.setAdditivity(false);
        logger.setLevel(Level.INFO);
        logger.addAppender(async);
        Counter counter = new Counter();
        for (int i = 0; i < EVENTS; i++) {
            counter.value = i;
            logger.info(counter);
        }
        async.close();
        List<String> recorded = recorder.recorded();
        for (int i = 0; i < recorded.size(); i++) {
            if (!recorded.get(i).equals("value " + i)) {
                throw new IllegalStateException("log4j 43599: logged value " + i + ", the appender got "
                        + recorded.get(i));
            }
        }
        if (recorded.size() != EVENTS) {
            throw new IllegalStateException("logged " + EVENTS + " events, the appender got " + recorded.size());
        }
    }

    /** A message object whose rendering changes with its state, as a reused builder's does. */
    private static final class Counter {
        int value;

        @Override
        public String toString() {
            return "value " + value;
        }
    }

    private static final class Recorder extends AppenderSkeleton {
        private final List<String> recorded = new ArrayList<>();

        @Override
        protected synchronized void append(LoggingEvent event) {
            recorded.add(event.getRenderedMessage());
        }

        synchronized List<String> recorded() {
            return new ArrayList<>(recorded);
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }

        @Override
        public void close() {
        }
    }

    private ChangingMessage() {
    }
}
