package dev.jostle.junit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The jostle.select grammar: Class or Class#method globs, * within a name segment, ** across dots. */
class JostleSelectionTests {

    private static JostleSelection select(String value) {
        return JostleSelection.parse(value, "-Djostle.select");
    }

    @Test
    void className_matches_everyMethodOfThatClassOnly() {
        JostleSelection selection = select("com.acme.PoolTest");

        assertTrue(selection.matches("com.acme.PoolTest", "testThreaded1"));
        assertFalse(selection.matches("com.acme.PoolTests", "testThreaded1"));
        assertFalse(selection.matches("com.acme.sub.PoolTest", "testThreaded1"));
        assertFalse(selection.matches("com.acmeXPoolTest", "testThreaded1"), "a dot is a dot, not any character");
    }

    @Test
    void methodGlob_matches_methodNamesWithAnyRunForTheStar() {
        JostleSelection selection = select("com.acme.PoolTest#testThreaded*");

        assertTrue(selection.matches("com.acme.PoolTest", "testThreaded"));
        assertTrue(selection.matches("com.acme.PoolTest", "testThreaded12"));
        assertFalse(selection.matches("com.acme.PoolTest", "testOther"));
    }

    @Test
    void singleStar_matches_withinOneSegmentNestedClassesIncluded() {
        JostleSelection selection = select("com.*.Test*Pool");

        assertTrue(selection.matches("com.acme.TestGenericPool", "m"));
        assertTrue(select("com.acme.Test*").matches("com.acme.TestPool$Nested", "m"));
        assertFalse(selection.matches("com.acme.impl.TestGenericPool", "m"));
    }

    @Test
    void doubleStar_matches_acrossDots() {
        JostleSelection selection = select("org.apache.**.TestGeneric*Pool#test*");

        assertTrue(selection.matches("org.apache.commons.pool2.impl.TestGenericObjectPool", "testThreaded1"));
        assertTrue(selection.matches("org.apache.x.TestGenericKeyedObjectPool", "testEvict"));
        assertFalse(selection.matches("org.apache.TestGenericObjectPool", "testThreaded1"), "** stands between two dots here");
        assertTrue(select("**Pool").matches("org.apache.commons.pool2.impl.TestGenericObjectPool", "m"));
    }

    @Test
    void commaSeparatedList_matches_anyEntryBlanksAndEmptyEntriesIgnored() {
        JostleSelection selection = select(" com.acme.A#one , ,com.acme.B ,");

        assertTrue(selection.matches("com.acme.A", "one"));
        assertFalse(selection.matches("com.acme.A", "two"));
        assertTrue(selection.matches("com.acme.B", "two"));
        assertTrue(select(" , ").isEmpty());
    }

    @Test
    void invalidPatterns_parse_failNamingTheSettingTheValueAndThePattern() {
        for (String bad : new String[] {"com..acme", ".com.acme", "com.acme.", "com.acme#", "com.acme#a#b",
            "com acme", "#method", "com.***.A", "com.acme#a.b", "com/acme"}) {
            ExtensionConfigurationException thrown = assertThrows(ExtensionConfigurationException.class,
                    () -> select("com.acme.Fine," + bad), bad);
            assertTrue(thrown.getMessage().startsWith("-Djostle.select=com.acme.Fine," + bad + ": '" + bad.trim() + "' is not"),
                    thrown.getMessage());
        }
    }

    @Test
    void sameValue_parse_isParsedOnce() {
        assertEquals(System.identityHashCode(select("com.acme.Once")), System.identityHashCode(select("com.acme.Once")));
    }
}
