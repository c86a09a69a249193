package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Lincheck did not catch its known-racy canary in some mode on this JDK, so a pass in that mode would mean
 * nothing. The bridge throws this instead of reporting a pass.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LincheckBlindSpotError extends AssertionError {

    private static final long serialVersionUID = 1L;

    LincheckBlindSpotError(String message) {
        super(message);
    }
}
