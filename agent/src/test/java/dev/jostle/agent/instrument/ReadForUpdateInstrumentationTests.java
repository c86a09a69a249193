package dev.jostle.agent.instrument;

import static dev.jostle.agent.instrument.Fixtures.call;
import static dev.jostle.agent.instrument.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A read whose value goes straight back to the same variable reaches the probe as a read for update (which
 * the race detector leaves to the write); anything that could let the write miss, or hit another variable,
 * keeps it a plain read. Every case also checks that the code still computes what it computed before.
 */
class ReadForUpdateInstrumentationTests {

    private Class<?> updates;
    private RecordingProbe probe;

    @BeforeEach
    void load() throws Exception {
        updates = new Fixtures().load("Updates");
        probe = new RecordingProbe().markingReadsForUpdate();
    }

    private static String at(String method, String marker) {
        return "@Updates." + method + ":" + line("Updates", marker);
    }

    @Test
    void compoundAssignmentToAnElement_isAReadForUpdate() throws Exception {
        int[] array = {0, 10, 0};
        probe.name(array, "a");
        probe.record(() -> call(updates, "addToElement", array, 1, 5));
        assertArrayEquals(new int[] {0, 10 + (5 * 3 & 7), 0}, array);
        assertEquals(List.of("array-read for update a[1] " + at("addToElement", "add-element") + " int[]",
                "array-write a[1] " + at("addToElement", "add-element") + " int[]"), probe.lines());
    }

    @Test
    void wideElement_incrementedInPlace_isAReadForUpdate() throws Exception {
        long[] array = {1L << 40};
        probe.name(array, "a");
        probe.record(() -> call(updates, "incrementWideElement", array, 0));
        assertEquals((1L << 40) + 1, array[0]);
        assertEquals(List.of("array-read for update a[0] " + at("incrementWideElement", "increment-wide-element")
                + " long[]", "array-write a[0] " + at("incrementWideElement", "increment-wide-element") + " long[]"),
                probe.lines());
    }

    @Test
    void incrementsUsedAsValues_copyTheOldValueUnderArrayAndIndex_andAreReadsForUpdate() throws Exception {
        int[] ints = {7};
        long[] longs = {-3L};
        probe.name(ints, "i").name(longs, "l");
        assertEquals(7, probe.record(() -> call(updates, "postIncrementElement", ints, 0)));
        assertEquals(-2L, probe.record(() -> call(updates, "preIncrementWideElement", longs, 0)));
        assertEquals(8, ints[0]);
        assertEquals(-2L, longs[0]);
        assertEquals(List.of(
                "array-read for update i[0] " + at("postIncrementElement", "post-increment-element") + " int[]",
                "array-write i[0] " + at("postIncrementElement", "post-increment-element") + " int[]",
                "array-read for update l[0] " + at("preIncrementWideElement", "pre-increment-wide-element")
                        + " long[]",
                "array-write l[0] " + at("preIncrementWideElement", "pre-increment-wide-element") + " long[]"),
                probe.lines());
    }

    @Test
    void division_mayThrowBeforeTheWrite_soTheReadStaysPlain() throws Exception {
        int[] array = {12};
        probe.name(array, "a");
        probe.record(() -> call(updates, "divideElement", array, 0, 4));
        assertEquals(3, array[0]);
        assertEquals(List.of("array-read a[0] " + at("divideElement", "divide-element") + " int[]",
                "array-write a[0] " + at("divideElement", "divide-element") + " int[]"), probe.lines());

        // And when it throws, the read was reported and checked, and no write happened.
        RecordingProbe throwing = new RecordingProbe().markingReadsForUpdate().name(array, "a");
        Exception thrown = org.junit.jupiter.api.Assertions.assertThrows(ArithmeticException.class,
                () -> throwing.record(() -> call(updates, "divideElement", array, 0, 0)));
        assertEquals("/ by zero", thrown.getMessage());
        assertEquals(List.of("array-read a[0] " + at("divideElement", "divide-element") + " int[]"), throwing.lines());
    }

    @Test
    void aCallOrAnotherReadBetween_keepsTheReadPlain() throws Exception {
        int[] array = {1, 2};
        int[] other = {30, 40};
        probe.name(array, "a").name(other, "b");
        probe.record(() -> call(updates, "addCallResult", array, 0));
        probe.record(() -> call(updates, "addOtherElement", array, other, 1));
        assertArrayEquals(new int[] {5, 42}, array);
        assertEquals(List.of("array-read a[0] " + at("addCallResult", "add-call") + " int[]",
                "array-write a[0] " + at("addCallResult", "add-call") + " int[]",
                "array-read a[1] " + at("addOtherElement", "add-other-element") + " int[]",
                "array-read b[1] " + at("addOtherElement", "add-other-element") + " int[]",
                "array-write a[1] " + at("addOtherElement", "add-other-element") + " int[]"), probe.lines());
    }

    @Test
    void aWriteToAnotherElementOrObject_keepsTheReadPlain() throws Exception {
        int[] array = {4, 0};
        Object[] objects = {"x"};
        probe.name(array, "a").name(objects, "o");
        probe.record(() -> call(updates, "copyToNext", array, 0));
        probe.record(() -> call(updates, "objectElementSelf", objects, 0));
        Object into = updates.getConstructor().newInstance();
        Object from = updates.getConstructor().newInstance();
        probe.name(into, "into").name(from, "from");
        probe.record(() -> call(updates, "addFromOther", into, from));
        assertArrayEquals(new int[] {4, 5}, array);
        assertEquals(1, call(into, "count"));
        String count = " dev.jostle.fixtures.Updates.count";
        assertEquals(List.of("array-read a[0] " + at("copyToNext", "copy-to-next") + " int[]",
                "array-write a[1] " + at("copyToNext", "copy-to-next") + " int[]",
                "array-read o[0] " + at("objectElementSelf", "object-element") + " Object[]",
                "array-write o[0] " + at("objectElementSelf", "object-element") + " Object[]",
                "field-read from " + at("addFromOther", "other-owner") + count,
                "field-write into " + at("addFromOther", "other-owner") + count), probe.lines());
    }

    @Test
    void fieldIncrements_andCompoundAssignments_areReadsForUpdate() throws Exception {
        Object counter = updates.getConstructor().newInstance();
        probe.name(counter, "c");
        probe.record(() -> call(counter, "incrementField"));
        assertEquals(1, probe.record(() -> call(counter, "postIncrementField")));
        probe.record(() -> call(counter, "addWideField", 5L));
        assertEquals(2, call(counter, "count"));
        assertEquals(20L, call(counter, "total"));
        assertEquals(0.0, call(counter, "level"));
        String member = " dev.jostle.fixtures.Updates.";
        assertEquals(List.of("field-read for update c " + at("incrementField", "increment-field") + member + "count",
                "field-write c " + at("incrementField", "increment-field") + member + "count",
                "field-read for update c " + at("postIncrementField", "post-increment-field") + member + "count",
                "field-write c " + at("postIncrementField", "post-increment-field") + member + "count",
                "field-read for update c " + at("addWideField", "add-wide-field") + member + "total",
                "field-write c " + at("addWideField", "add-wide-field") + member + "total",
                "field-read for update c " + at("addWideField", "scale-double-field") + member + "level",
                "field-write c " + at("addWideField", "scale-double-field") + member + "level"), probe.lines());
    }

    @Test
    void volatileIncrement_staysAPlainReadWithItsAcquire() throws Exception {
        Object counter = updates.getConstructor().newInstance();
        probe.name(counter, "c");
        probe.record(() -> call(counter, "incrementVolatile"));
        assertEquals(1, call(counter, "flag"));
        String where = at("incrementVolatile", "increment-volatile") + " dev.jostle.fixtures.Updates.flag volatile";
        assertEquals(List.of("field-read c " + where, "after-volatile-read c " + where, "field-write c " + where),
                probe.lines());
    }

    @Test
    void staticUpdates_areReadsForUpdate() throws Exception {
        int before = (int) call(updates, "postIncrementStatic");
        long wideBefore = (long) call(updates, "sharedWide");
        probe.record(() -> call(updates, "incrementStatics"));
        assertEquals(before + 3, probe.record(() -> call(updates, "postIncrementStatic")));
        assertEquals(wideBefore * 3 - 1, call(updates, "sharedWide"));
        String member = " dev.jostle.fixtures.Updates.";
        assertEquals(List.of(
                "field-read for update null " + at("incrementStatics", "increment-static") + member + "shared",
                "field-write null " + at("incrementStatics", "increment-static") + member + "shared",
                "field-read for update null " + at("incrementStatics", "scale-wide-static") + member + "sharedWide",
                "field-write null " + at("incrementStatics", "scale-wide-static") + member + "sharedWide",
                "field-read null " + at("incrementStatics", "return-shared") + member + "shared",
                "field-read for update null " + at("postIncrementStatic", "post-increment-static") + member + "shared",
                "field-write null " + at("postIncrementStatic", "post-increment-static") + member + "shared"),
                probe.lines());
    }
}
