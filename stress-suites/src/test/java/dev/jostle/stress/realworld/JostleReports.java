package dev.jostle.stress.realworld;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The JSON reports in a {@code jostle.reportsDir}: one per jostled test ({@code Class.method.json}), and the
 * races of any other JSON there (the agent-only summary), found wherever an object has a {@code field} and
 * {@code accesses}.
 */
final class JostleReports {

    /** The agent-only mode's summary: races per test, not one test's report. */
    static final String SUMMARY = "races-by-test.json";

    private final Map<String, JostleTestReport> byTest;
    private final List<Race> summaryRaces;

    private JostleReports(Map<String, JostleTestReport> byTest, List<Race> summaryRaces) {
        this.byTest = byTest;
        this.summaryRaces = summaryRaces;
    }

    /** Reads a reports folder; a folder that does not exist has no report. */
    static JostleReports read(Path dir) throws IOException {
        Map<String, JostleTestReport> byTest = new TreeMap<>();
        List<Race> summaryRaces = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                JsonElement json = parse(file);
                String name = file.getFileName().toString();
                if (!name.equals(SUMMARY) && json.isJsonObject() && json.getAsJsonObject().has("test")) {
                    JostleTestReport report = testReport(name, json.getAsJsonObject());
                    byTest.put(report.test(), report);
                } else {
                    collectRaces(json, null, summaryRaces);
                }
            }
        }
        return new JostleReports(byTest, summaryRaces);
    }

    /** Each jostled test's report by {@code fully.qualified.Class#method}. */
    Map<String, JostleTestReport> byTest() {
        return byTest;
    }

    /** Every race of every report, the summary's included. */
    List<Race> races() {
        List<Race> all = new ArrayList<>(summaryRaces);
        byTest.values().forEach(report -> all.addAll(report.races()));
        return all;
    }

    private static JostleTestReport testReport(String file, JsonObject json) {
        String test = json.get("test").getAsString();
        List<Race> races = new ArrayList<>();
        collectRaces(json.get("races"), test, races);
        return new JostleTestReport(file, test, text(json, "verdict"), integer(json, "jostledRounds"), races);
    }

    /** Walks the tree: an object with a field and two accesses is a race, seen in the nearest enclosing test. */
    private static void collectRaces(JsonElement json, String test, List<Race> into) {
        if (json == null || json.isJsonNull() || json.isJsonPrimitive()) {
            return;
        }
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(element -> collectRaces(element, test, into));
            return;
        }
        JsonObject object = json.getAsJsonObject();
        String here = object.has("test") && object.get("test").isJsonPrimitive() ? object.get("test").getAsString() : test;
        if (object.has("field") && object.has("accesses") && object.get("accesses").isJsonArray()) {
            JsonArray accesses = object.getAsJsonArray("accesses");
            into.add(new Race(object.get("field").getAsString(), site(accesses, 0), site(accesses, 1), here));
            return;
        }
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            // A summary keyed by test name: the key names the test its races were seen in.
            String keyTest = here == null && entry.getKey().contains("#") ? entry.getKey() : here;
            collectRaces(entry.getValue(), keyTest, into);
        }
    }

    private static String site(JsonArray accesses, int index) {
        if (accesses.size() <= index || !accesses.get(index).isJsonObject()) {
            return "?";
        }
        return text(accesses.get(index).getAsJsonObject(), "site");
    }

    private static String text(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? "?" : value.getAsString();
    }

    private static int integer(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? -1 : value.getAsInt();
    }

    private static JsonElement parse(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return JsonParser.parseReader(reader);
        } catch (RuntimeException e) {
            throw new IOException("cannot read Jostle report " + file + ": " + e.getMessage(), e);
        }
    }
}
