package dev.jostle.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * A {@link TestReport} as JSON and back. Null fields are written out ({@code "failure": null}), so a reader sees
 * every field, and {@code <}, {@code >} and {@code &} stay as they are, for people reading the
 * file.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportJson {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting()
            .create();

    private ReportJson() {
    }

    public static String toJson(TestReport report) {
        return GSON.toJson(report);
    }

    /** The report in {@code json}; throws {@link JsonParseException} when it is not one. */
    public static TestReport fromJson(String json) {
        TestReport report = GSON.fromJson(json, TestReport.class);
        if (report == null || report.test() == null) {
            throw new JsonParseException("not a jostled test's report: no \"test\" field");
        }
        return report;
    }

    public static TestReport read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }
}
