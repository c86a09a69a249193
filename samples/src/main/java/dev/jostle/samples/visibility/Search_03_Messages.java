/*
 * Searchers told "found" before "where", fixed with an immutable message.
 *
 * The news is one immutable Sighting(position), published with compareAndSet(null, sighting). "Found" is
 * "there is a sighting", and the sighting carries the position: there is nothing to read in the wrong
 * order. The AtomicReference also makes the record visible to every thread that reads it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Search
 */
package dev.jostle.samples.visibility;

import dev.jostle.samples.Crew;
import java.util.concurrent.atomic.AtomicReference;

/** Found-and-where as one immutable record. */
public final class Search_03_Messages implements Lookout {

    record Sighting(int position) {
    }

    private final AtomicReference<Sighting> sighting = new AtomicReference<>();

    @Override
    public void report(int where) {
        sighting.compareAndSet(null, new Sighting(where));
    }

    @Override
    public boolean spotted() {
        return sighting.get() != null;
    }

    @Override
    public int awaitPosition() {
        Sighting news;
        while ((news = sighting.get()) == null) {
            Crew.checkAbandoned();
            Thread.onSpinWait();
        }
        return news.position();
    }
}
