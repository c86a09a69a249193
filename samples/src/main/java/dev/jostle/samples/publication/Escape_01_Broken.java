/*
 * Unsafe publication: `this` escaping its constructor.
 *
 * The thermometer registers itself with the sensor in its constructor, and only then sets its unit. From
 * the moment it is registered, the sensor's thread can call it:
 *
 *   builder: new Escape_01_Broken(sensor): sensor.register(this)
 *   sensor:  onReading(21): readings.add(21 + " " + unit)  -> "21 null"
 *   builder: unit = "C"
 *
 * Why it usually passes anyway. Setting the unit follows registration within a few hundred nanoseconds,
 * and the sensor sends a reading only every few microseconds.
 *
 * How Jostle catches it. Noise at the write of `unit` (or the reads just before it) holds the constructor
 * after the escape; the sensor's next reading reaches an object whose unit is still null.
 *
 * The fixes:
 *   Escape_02_Messages - the constructor only sets final fields; a static factory registers the finished
 *                        object afterwards. Nothing can reach `this` before it is complete, and final
 *                        fields are guaranteed visible to every thread once the constructor has returned.
 *   Escape_03_Locked   - the constructor and onReading hold the same lock: a reading that arrives early
 *                        waits until the constructor has finished.
 *
 * Run just this bug: java -jar samples/target/jostle-samples.jar --only Escape
 */
package dev.jostle.samples.publication;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registers itself in its constructor, before it is finished: broken. */
public final class Escape_01_Broken implements Thermometer {

    private final List<String> readings = new CopyOnWriteArrayList<>();
    private String unit;

    public Escape_01_Broken(Sensor sensor) {
        sensor.register(this::onReading);
        unit = "C";
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
