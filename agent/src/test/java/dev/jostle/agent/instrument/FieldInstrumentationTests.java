package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FieldInstrumentationTests {

    private static final String FIELDS = "dev.jostle.fixtures.Fields.";

    private Fixtures fixtures;
    private Class<?> fieldsClass;
    private Object fields;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        fixtures = new Fixtures();
        fieldsClass = fixtures.load("Fields");
        fields = fieldsClass.getConstructor().newInstance();
        probe = new RecordingProbe().name(fields, "f");
    }

    private static String at(String method, String marker) {
        return "@Fields." + method + ":" + line("Fields", marker);
    }

    @Test
    void plainRead_reportsOwnerBeforeTheRead() throws Exception {
        Object value = probe.record(() -> call(fields, "readPlain"));
        assertEquals(1, value);
        assertEquals(List.of("field-read f " + at("readPlain", "read-plain") + " " + FIELDS + "plain"), probe.lines());
    }

    @Test
    void plainWrite_reportsOwnerAndStoresTheValue() throws Exception {
        probe.record(() -> call(fields, "writePlain", 42));
        assertEquals(List.of("field-write f " + at("writePlain", "write-plain") + " " + FIELDS + "plain"),
                probe.lines());
        assertEquals(42, call(fields, "readPlain"));
    }

    @Test
    void volatileRead_reportsBeforeAndAfterWithTheSameSite() throws Exception {
        call(fields, "writeVolatile", 9);
        Object value = probe.record(() -> call(fields, "readVolatile"));
        assertEquals(9, value);
        String site = at("readVolatile", "read-volatile") + " " + FIELDS + "flag volatile";
        assertEquals(List.of("field-read f " + site, "after-volatile-read f " + site), probe.lines());
    }

    @Test
    void volatileWrite_reportsTheWriteOnly() throws Exception {
        probe.record(() -> call(fields, "writeVolatile", 5));
        assertEquals(List.of("field-write f " + at("writeVolatile", "write-volatile") + " " + FIELDS + "flag volatile"),
                probe.lines());
        assertEquals(5, call(fields, "readVolatile"));
    }

    @Test
    void staticReadAndWrite_reportNullOwner() throws Exception {
        probe.record(() -> call(fieldsClass, "writeStatic", 11));
        Object value = probe.record(() -> call(fieldsClass, "readStatic"));
        assertEquals(11, value);
        assertEquals(List.of(
                "field-write null " + at("writeStatic", "write-static") + " " + FIELDS + "counter",
                "field-read null " + at("readStatic", "read-static") + " " + FIELDS + "counter"), probe.lines());
    }

    @Test
    void staticVolatileLong_keepsTheWideValueAndReportsAfterTheRead() throws Exception {
        probe.record(() -> call(fieldsClass, "writeStaticVolatileLong", Long.MIN_VALUE + 3));
        Object value = probe.record(() -> call(fieldsClass, "readStaticVolatileLong"));
        assertEquals(Long.MIN_VALUE + 3, value);
        String read = at("readStaticVolatileLong", "read-static-volatile") + " " + FIELDS + "stamp volatile";
        assertEquals(List.of(
                "field-write null " + at("writeStaticVolatileLong", "write-static-volatile") + " " + FIELDS
                        + "stamp volatile",
                "field-read null " + read, "after-volatile-read null " + read), probe.lines());
    }

    @Test
    void longAndDoubleFields_keepTheirValues() throws Exception {
        probe.record(() -> {
            call(fields, "writeWide", 0x1234_5678_9abc_def0L);
            call(fields, "writeRatio", -0.125d);
            return null;
        });
        assertEquals(0x1234_5678_9abc_def0L, probe.record(() -> call(fields, "readWide")));
        assertEquals(-0.125d, probe.record(() -> call(fields, "readRatio")));
        assertEquals(List.of(
                "field-write f " + at("writeWide", "write-wide") + " " + FIELDS + "wide",
                "field-write f " + at("writeRatio", "write-ratio") + " " + FIELDS + "ratio",
                "field-read f " + at("readWide", "read-wide") + " " + FIELDS + "wide",
                "field-read f " + at("readRatio", "read-ratio") + " " + FIELDS + "ratio"), probe.lines());
    }

    @Test
    void volatileWideReads_swapTheOwnerBelowTheTwoWordValue() throws Exception {
        call(fields, "writeVolatileWide", -77L);
        Object wide = probe.record(() -> call(fields, "readVolatileWide"));
        Object ratio = probe.record(() -> call(fields, "readVolatileRatio"));
        assertEquals(-77L, wide);
        assertEquals(0.0d, ratio);
        String wideSite = at("readVolatileWide", "read-volatile-wide") + " " + FIELDS + "volatileWide volatile";
        String ratioSite = at("readVolatileRatio", "read-volatile-ratio") + " " + FIELDS + "volatileRatio volatile";
        assertEquals(List.of("field-read f " + wideSite, "after-volatile-read f " + wideSite,
                "field-read f " + ratioSite, "after-volatile-read f " + ratioSite), probe.lines());
    }

    @Test
    void finalField_isNotInstrumented() throws Exception {
        Object value = probe.record(() -> call(fields, "readFinal"));
        assertEquals(7, value);
        assertEquals(List.of(), probe.lines());
    }

    @Test
    void constructor_reportsPlainWriteButNotTheFinalOne() throws Exception {
        Object[] created = new Object[1];
        probe.record(() -> created[0] = fieldsClass.getConstructor().newInstance());
        assertEquals(List.of("field-write Fields " + at("<init>", "ctor-plain") + " " + FIELDS + "plain"),
                probe.lines());
    }

    @Test
    void classInitializer_isNotInstrumentedForItsOwnFields() throws Exception {
        Fixtures fresh = new Fixtures();
        probe.record(() -> fresh.load("Fields"));
        assertEquals(List.of(), probe.lines());
    }

    @Test
    void otherInstance_isReportedAsTheOwner() throws Exception {
        Object other = fieldsClass.getConstructor().newInstance();
        probe.name(other, "other");
        probe.record(() -> call(fields, "readOther", other));
        assertEquals(List.of("field-read other " + at("readOther", "read-other") + " " + FIELDS + "plain"),
                probe.lines());
    }

    @Test
    void inheritedVolatileField_isResolvedThroughTheSuperclass() throws Exception {
        Object sub = fixtures.load("Fields$Sub").getConstructor().newInstance();
        probe.name(sub, "sub");
        probe.record(() -> call(sub, "readInheritedVolatile"));
        String site = "@Fields$Sub.readInheritedVolatile:" + line("Fields", "read-inherited")
                + " dev.jostle.fixtures.Fields$Sub.flag volatile";
        assertEquals(List.of("field-read sub " + site, "after-volatile-read sub " + site), probe.lines());
    }
}
