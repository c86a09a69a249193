package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArrayInstrumentationTests {

    private Class<?> arrays;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        arrays = new Fixtures().load("Arrays");
        probe = new RecordingProbe();
    }

    private static String at(String method, String marker) {
        return "@Arrays." + method + ":" + line("Arrays", marker);
    }

    @Test
    void intArray_readAndWrite_reportArrayAndIndex() throws Exception {
        int[] array = new int[4];
        probe.name(array, "a");
        probe.record(() -> call(arrays, "writeInt", array, 2, 17));
        Object value = probe.record(() -> call(arrays, "readInt", array, 2));
        assertEquals(17, value);
        assertEquals(17, array[2]);
        assertEquals(List.of("array-write a[2] " + at("writeInt", "write-int") + " int[]",
                "array-read a[2] " + at("readInt", "read-int") + " int[]"), probe.lines());
    }

    @Test
    void longArray_wideValueStore_keepsTheValue() throws Exception {
        long[] array = new long[3];
        probe.name(array, "a");
        probe.record(() -> call(arrays, "writeLong", array, 1, -123_456_789_012L));
        Object value = probe.record(() -> call(arrays, "readLong", array, 1));
        assertEquals(-123_456_789_012L, value);
        assertEquals(List.of("array-write a[1] " + at("writeLong", "write-long") + " long[]",
                "array-read a[1] " + at("readLong", "read-long") + " long[]"), probe.lines());
    }

    @Test
    void doubleArray_wideValueStore_keepsTheValue() throws Exception {
        double[] array = new double[2];
        probe.name(array, "a");
        probe.record(() -> call(arrays, "writeDouble", array, 0, 6.75d));
        Object value = probe.record(() -> call(arrays, "readDouble", array, 0));
        assertEquals(6.75d, value);
        assertEquals(List.of("array-write a[0] " + at("writeDouble", "write-double") + " double[]",
                "array-read a[0] " + at("readDouble", "read-double") + " double[]"), probe.lines());
    }

    @Test
    void objectArray_readAndWrite_reportArrayAndIndex() throws Exception {
        Object[] array = new Object[5];
        Object element = new Object();
        probe.name(array, "a");
        probe.record(() -> call(arrays, "writeObject", array, 4, element));
        Object value = probe.record(() -> call(arrays, "readObject", array, 4));
        assertEquals(element, value);
        assertEquals(List.of("array-write a[4] " + at("writeObject", "write-object") + " Object[]",
                "array-read a[4] " + at("readObject", "read-object") + " Object[]"), probe.lines());
    }

    @Test
    void narrowElementTypes_keepTheirValues() throws Exception {
        Object value = probe.record(() -> call(arrays, "narrow"));
        assertEquals("-5 q -300 true 2.5", value);
        assertEquals(10, probe.lines().size(), probe.lines().toString());
        assertEquals(List.of("byte[] or boolean[]", "char[]", "short[]", "byte[] or boolean[]", "float[]"),
                probe.lines().subList(0, 5).stream().map(l -> l.substring(l.lastIndexOf(':') + 1)
                        .replaceFirst("^\\d+ ", "")).toList());
    }
}
