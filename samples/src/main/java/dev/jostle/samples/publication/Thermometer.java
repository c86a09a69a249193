package dev.jostle.samples.publication;

import java.util.List;

/** Listens to a sensor and keeps the readings it was told, labelled with its unit; the escape contract. */
public interface Thermometer {

    /** Called by the sensor's thread for every reading. */
    void onReading(int degrees);

    /** The labelled readings so far, such as {@code "21 C"}. */
    List<String> readings();
}
