package kexeccheck.checker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Trace;

/**
 * The answer to a {@link CheckRequest}.
 *
 * @param model the model checked
 * @param request the request, as the user gave it
 * @param explored what was explored: each option's values, and the chain or population
 * @param outcome the worst outcome class over every configuration explored
 * @param bounds the bounds every verdict covers
 * @param properties the verdict on each property, in the model's order
 * @param outcomeWitness for {@code recoverable} or {@code fail-stop} with every property holding,
 *     a trace that reaches it
 * @param timing the solver time of the whole check
 * @param wallMillis the wall time of the whole check, parsing included
 */
public record CheckReport(
        String model,
        CheckRequest request,
        Map<String, List<String>> explored,
        Outcome outcome,
        Bounds bounds,
        List<PropertyResult> properties,
        Optional<Trace> outcomeWitness,
        Timing timing,
        long wallMillis) {

    /** Whether some property checked is violated (the CLI's exit code 1). */
    public boolean anyViolated() {
        return properties.stream().anyMatch(p -> p.status() == PropertyResult.Status.VIOLATED);
    }
}
