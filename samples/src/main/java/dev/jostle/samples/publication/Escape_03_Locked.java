/*
 * `this` escaping its constructor, fixed with a lock (when the registration cannot be moved).
 *
 * Sometimes the constructor must register (a framework calls it). Then the constructor holds the
 * object's lock from registration until it has set every field, and onReading takes the same lock: a
 * reading that arrives early waits at the door until the object is complete, and the lock's
 * happens-before makes the unit visible to it.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Escape
 */
package dev.jostle.samples.publication;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registers in the constructor, but under the lock that every reading takes. */
public final class Escape_03_Locked implements Thermometer {

    private final List<String> readings = new CopyOnWriteArrayList<>();
    private String unit;

    public Escape_03_Locked(Sensor sensor) {
        synchronized (this) {
            sensor.register(this::onReading);
            unit = "C";
        }
    }

    @Override
    public synchronized void onReading(int degrees) {
        readings.add(degrees + " " + unit);
    }

    @Override
    public List<String> readings() {
        return readings;
    }
}
