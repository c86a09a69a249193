package dev.jostle.bridge;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * How Lincheck explores a data structure's concurrent executions.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum LincheckMode {
    /** Lincheck's own scheduler switches threads at every shared access: exhaustive-ish, reproducible. */
    MODEL_CHECKING,
    /** Real threads on real cores, many invocations per scenario. */
    STRESS,
    /** Stress mode inside a Jostle round, so the agent's scheduling noise perturbs the real threads. */
    STRESS_WITH_NOISE
}
