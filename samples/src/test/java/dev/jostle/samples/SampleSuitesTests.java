package dev.jostle.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleSuitesTests {

    @Test
    void lostUpdateSuite_run_printsOneRowPerVariantAndExitsZero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SuiteOptions options = SuiteOptions.parse(new String[] {"--only", "LostUpdate", "--quiet-rounds", "20",
            "--fix-rounds", "20", "--no-progress"}, false);

        int status = new SampleSuites(options, new PrintStream(bytes, true, StandardCharsets.UTF_8)).runAll();

        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table);
        // bug, variant, style, no noise: rounds, failed, races, jostled: rounds, failed, ...
        assertTrue(table.matches("(?s).*LostUpdate_01_Broken\\s+broken\\s+20\\s+\\d+\\s+\\d+\\s+\\d+\\s+1\\s.*CAUGHT.*"), table);
        assertTrue(table.matches("(?s).*LostUpdate_04_Channel\\s+channel\\s+20\\s+0\\s+0\\s+20\\s+0\\s.*SURVIVED.*"), table);
    }

    @Test
    void aBrokenVariantPresentedAsAFix_run_exitsOneWithFalseAlarm() {
        Variant broken = Catalogue.variants().get(0);
        Variant posingAsFix = new Variant(broken.bug(), broken.name(), FixStyle.LOCK, java.util.Set.of(),
                broken.round(), null);
        SuiteOptions options = SuiteOptions.parse(new String[] {"--quiet-rounds", "0", "--fix-rounds", "300",
            "--no-progress"}, false);
        SampleSuites suites = new SampleSuites(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));

        SuiteRow row = suites.run(posingAsFix, new SampleSuites.Progress(false, 1));

        assertEquals(Verdict.FALSE_ALARM, row.verdict());
        assertTrue(!row.acceptable());
    }
}
