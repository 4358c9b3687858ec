package kexeccheck.trace;

import java.util.List;
import java.util.Objects;

/**
 * One counterexample: the configuration and the states of a run of the
 * model, from the cold boot to the first state where {@code property} fails.
 *
 * @param schemaVersion version of the trace format ({@link #SCHEMA_VERSION})
 * @param model the model's name (a shipped proposal or a file path)
 * @param property the violated property, by its CLI name (e.g. {@code no-stray-write})
 * @param outcome the outcome class the violation means (e.g. {@code corruption})
 * @param bounds the bounds the search ran within
 * @param configuration what the solver chose: options, chain, board
 * @param states the states, index 0 being the cold boot
 * @param violationState index of the first state where the property fails
 */
public record Trace(
        int schemaVersion,
        String model,
        String property,
        String outcome,
        Bounds bounds,
        Configuration configuration,
        List<State> states,
        int violationState) {

    /** The trace format version this code writes and reads. */
    public static final int SCHEMA_VERSION = 3;

    public Trace {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(configuration, "configuration");
        states = List.copyOf(states);
        if (violationState < 0 || violationState >= states.size()) {
            throw new IllegalArgumentException(
                    "violationState " + violationState + " outside the " + states.size() + " states");
        }
    }

    /** The state where the property first fails. */
    public State violation() {
        return states.get(violationState);
    }
}
