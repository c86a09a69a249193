package dev.jostle.samples.publication;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/** Sends readings to whoever registered, from its own thread. Thread-safe itself. */
public final class Sensor {

    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    public void register(IntConsumer listener) {
        listeners.add(listener);
    }

    /** Sends one reading to every registered listener; returns how many there were. */
    public int send(int degrees) {
        for (IntConsumer listener : listeners) {
            listener.accept(degrees);
        }
        return listeners.size();
    }
}
