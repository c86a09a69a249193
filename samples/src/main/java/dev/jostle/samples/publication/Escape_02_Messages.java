/*
 * `this` escaping its constructor, fixed: build first, register after.
 *
 * The constructor does nothing but set final fields; a static factory method constructs the object and
 * only then registers it. By the time the sensor's thread can call onReading, the constructor has
 * returned, and the Java memory model guarantees that final fields set in a constructor are seen by every
 * thread that gets the reference afterwards. The object is finished before it is shared: it never needs
 * to be changed again.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Escape
 */
package dev.jostle.samples.publication;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Final fields in the constructor; registration in a factory, once the object is complete. */
public final class Escape_02_Messages implements Thermometer {

    private final List<String> readings = new CopyOnWriteArrayList<>();
    private final String unit;

    private Escape_02_Messages() {
        unit = "C";
    }

    public static Escape_02_Messages listeningTo(Sensor sensor) {
        Escape_02_Messages thermometer = new Escape_02_Messages();
        sensor.register(thermometer::onReading);
        return thermometer;
    }

    @Override
    public void onReading(int degrees) {
        readings.add(degrees + " " + unit);
    }

    @Override
    public List<String> readings() {
        return readings;
    }
}
