package dev.jostle.samples.publication;

import dev.jostle.samples.Crew;
import java.util.function.Function;

/**
 * The checked scenario: the sensor is already sending (its thread sends a reading every few microseconds,
 * a fixed number of times) while a thermometer is built and registers itself. Every reading it keeps must
 * carry its unit.
 */
public final class EscapeScenario {

    private static final int READINGS = 40;

    private EscapeScenario() {
    }

    public static void run(Function<Sensor, Thermometer> build) {
        Sensor sensor = new Sensor();
        Thermometer[] built = new Thermometer[1];
        Crew.run("escape", () -> {
            for (int i = 0; i < READINGS; i++) {
                sensor.send(20 + i % 3);
                Thread.onSpinWait();
            }
        }, () -> built[0] = build.apply(sensor));
        for (String reading : built[0].readings()) {
            if (!reading.endsWith(" C")) {
                throw new AssertionError("the thermometer kept the reading \"" + reading
                        + "\": it was told about a reading before its constructor had set its unit");
            }
        }
    }
}
