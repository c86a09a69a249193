package dev.jostle.hunt;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.jostle.engine.Shard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code hunt --json} result read back, for {@code merge}: the facts that say which search it was (program,
 * strategy, base seed, shard) and what it found. Results written before {@code --shard} existed read as
 * unsharded.
 *
 * @param file           where it was read from, named in messages
 * @param json           the whole result, from which a failure's fields are copied as they are
 * @param found          whether the hunt found a failure
 * @param rounds         rounds it ran
 * @param mainClass      the program it hunted
 * @param strategy       the strategy it ran under
 * @param seed           its base seed
 * @param shard          the part of the seeds it searched ({@link Shard#WHOLE}: all)
 * @param firstRoundSeed the seed of its round 0
 * @param elapsedMillis  how long it ran
 * @param raceReports    the data races it reported
 */
record HuntResultFile(Path file, JsonObject json, boolean found, long rounds, String mainClass, String strategy,
        long seed, Shard shard, long firstRoundSeed, long elapsedMillis, List<String> raceReports) {

    /** The hunt's {@code --fail-on-output} pattern; null when it had none (or its result predates the field). */
    String failOnOutput() {
        return text("failOnOutput");
    }

    static HuntResultFile read(Path file) throws UsageException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new UsageException("cannot read " + file + ": no such file");
        } catch (AccessDeniedException denied) {
            throw new UsageException("cannot read " + file + ": permission denied");
        } catch (IOException | RuntimeException unreadable) {
            // A directory, or bytes that are not UTF-8, among others.
            throw new UsageException("cannot read " + file + ": " + unreadable, unreadable);
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(text);
        } catch (JsonParseException notJson) {
            throw new UsageException(file + " is not JSON (" + firstLine(notJson.getMessage())
                    + "); merge reads the files hunt --json writes", notJson);
        }
        if (!parsed.isJsonObject()) {
            throw notAHuntResult(file, "expected a JSON object");
        }
        JsonObject json = parsed.getAsJsonObject();
        boolean found = bool(file, json, "found");
        long rounds = number(file, json, "rounds");
        String mainClass = string(file, json, "mainClass");
        String strategy = string(file, json, "strategy");
        long seed = number(file, json, "seed");
        Shard shard = shard(file, json);
        long firstRoundSeed = json.has("firstRoundSeed") ? number(file, json, "firstRoundSeed") : shard.firstSeed(seed);
        long elapsed = json.has("elapsedMillis") ? number(file, json, "elapsedMillis") : 0;
        return new HuntResultFile(file, json, found, rounds, mainClass, strategy, seed, shard, firstRoundSeed, elapsed,
                raceReports(json));
    }

    /** The failure's fields as hunt wrote them, or null when it found none. */
    JsonElement field(String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value;
    }

    String text(String name) {
        JsonElement value = field(name);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }

    private static Shard shard(Path file, JsonObject json) throws UsageException {
        JsonElement value = json.get("shard");
        if (value == null || value.isJsonNull()) {
            return Shard.WHOLE;
        }
        try {
            return Shard.parse(value.getAsString());
        } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException bad) {
            throw notAHuntResult(file, "shard " + value + ": " + bad.getMessage());
        }
    }

    private static List<String> raceReports(JsonObject json) {
        List<String> reports = new ArrayList<>();
        JsonElement value = json.get("raceReports");
        if (value != null && value.isJsonArray()) {
            for (JsonElement report : value.getAsJsonArray()) {
                if (report.isJsonPrimitive()) {
                    reports.add(report.getAsString());
                }
            }
        }
        return reports;
    }

    private static boolean bool(Path file, JsonObject json, String name) throws UsageException {
        JsonPrimitive value = primitive(file, json, name, "true or false");
        if (!value.isBoolean()) {
            throw notAHuntResult(file, "'" + name + "' is " + value + ", expected true or false");
        }
        return value.getAsBoolean();
    }

    private static long number(Path file, JsonObject json, String name) throws UsageException {
        JsonPrimitive value = primitive(file, json, name, "a whole number");
        try {
            if (value.isNumber()) {
                // Parsed from the text, not through a double: seeds use all 64 bits.
                return Long.parseLong(value.getAsString());
            }
        } catch (NumberFormatException notWhole) {
            // reported below
        }
        throw notAHuntResult(file, "'" + name + "' is " + value + ", expected a whole number");
    }

    private static String string(Path file, JsonObject json, String name) throws UsageException {
        JsonPrimitive value = primitive(file, json, name, "a string");
        if (!value.isString()) {
            throw notAHuntResult(file, "'" + name + "' is " + value + ", expected a string");
        }
        return value.getAsString();
    }

    private static JsonPrimitive primitive(Path file, JsonObject json, String name, String expected)
            throws UsageException {
        JsonElement value = json.get(name);
        if (value == null || value.isJsonNull()) {
            throw notAHuntResult(file, "no '" + name + "' (" + expected + ")");
        }
        if (!value.isJsonPrimitive()) {
            throw notAHuntResult(file, "'" + name + "' is " + value + ", expected " + expected);
        }
        return value.getAsJsonPrimitive();
    }

    private static UsageException notAHuntResult(Path file, String problem) {
        return new UsageException(file + " is not a hunt --json result: " + problem);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
