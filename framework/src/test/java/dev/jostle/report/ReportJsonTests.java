package dev.jostle.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class ReportJsonTests {

    @Test
    void reportWithFailureAndRace_writtenAndReadBack_isEqual() {
        TestReport report = SampleReports.failedWithRace("org.acme.FooTests#bar");

        assertEquals(report, ReportJson.fromJson(ReportJson.toJson(report)));
    }

    @Test
    void passedReport_written_hasTheSchemaNamesWithNullsAndMarkupKeptAsIs() {
        JsonObject json = JsonParser.parseString(ReportJson.toJson(SampleReports.passed("org.acme.A$B#c")))
                .getAsJsonObject();

        assertEquals("org.acme.A$B#c", json.get("test").getAsString());
        assertEquals("passed", json.get("verdict").getAsString());
        assertTrue(json.get("failure").isJsonNull(), "null fields are written, so a reader sees every one");
        assertTrue(json.get("minRounds").isJsonNull());
        String text = ReportJson.toJson(SampleReports.failedWithRace("t#m"));
        assertTrue(text.contains("<init>"), "not \\u003c escaped, for a person reading the file");
    }

    @Test
    void notJostled_written_spellsItsVerdictWithAHyphen() {
        String text = ReportJson.toJson(SampleReports.notJostled("a.B#c"));

        assertTrue(text.contains("\"verdict\": \"not-jostled\""), text);
        assertEquals(Verdict.NOT_JOSTLED, ReportJson.fromJson(text).verdict());
    }

    @Test
    void jsonWithoutATestName_read_isRejected() {
        assertThrows(JsonParseException.class, () -> ReportJson.fromJson("{\"name\": \"something else\"}"));
    }
}
