package dev.jostle.report;

import com.google.gson.annotations.SerializedName;

/** How a jostled test ended, as the report's {@code verdict} field spells it. */
public enum Verdict {
    @SerializedName("passed")
    PASSED("passed"),
    @SerializedName("failed")
    FAILED("failed"),
    /** It passed, but on too few jostled rounds to count as having been jostled. */
    @SerializedName("not-jostled")
    NOT_JOSTLED("not-jostled");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** The word in the JSON file and on the page. */
    public String id() {
        return id;
    }
}
