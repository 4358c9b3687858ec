package kexeccheck.checker;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
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
 * @param proof the attempt to prove what held for runs of any length, when something held
 * @param timing the solver time of the whole check (the proof's and the conditions' included)
 * @param wallMillis the wall time of the whole check, parsing included
 * @param conditions when asked for and some property is violated: in which valuations of the options
 *     left open each violated property fails, and in which it holds ({@link Conditions}); not computed
 *     when they are more valuations than asked for ({@link Conditions#computed()})
 */
public record CheckReport(
        String model,
        CheckRequest request,
        Map<String, List<String>> explored,
        Outcome outcome,
        Bounds bounds,
        List<PropertyResult> properties,
        Optional<Trace> outcomeWitness,
        Optional<Proof> proof,
        Timing timing,
        long wallMillis,
        Optional<Conditions> conditions,
        Optional<Counterexamples> counterexamples) {

    /** A report with one counterexample per violated property, the shortest in the whole scope. */
    public CheckReport(String model, CheckRequest request, Map<String, List<String>> explored, Outcome outcome,
            Bounds bounds, List<PropertyResult> properties, Optional<Trace> outcomeWitness, Optional<Proof> proof,
            Timing timing, long wallMillis, Optional<Conditions> conditions) {
        this(model, request, explored, outcome, bounds, properties, outcomeWitness, proof, timing, wallMillis,
                conditions, Optional.empty());
    }

    /** A report without {@link Conditions}: they were not asked for, or nothing is violated. */
    public CheckReport(String model, CheckRequest request, Map<String, List<String>> explored, Outcome outcome,
            Bounds bounds, List<PropertyResult> properties, Optional<Trace> outcomeWitness, Optional<Proof> proof,
            Timing timing, long wallMillis) {
        this(model, request, explored, outcome, bounds, properties, outcomeWitness, proof, timing, wallMillis,
                Optional.empty());
    }

    /**
     * How far what holds reaches, in words: "what holds, holds for all chain lengths (k-induction,
     * k=1)", or "... up to N steps" where it was not proved; empty when nothing holds.
     */
    public String holdsReach() {
        List<PropertyResult> holding = properties.stream().filter(p -> p.status() == PropertyResult.Status.HOLDS).toList();
        if (holding.isEmpty()) {
            return "";
        }
        long proved = holding.stream().filter(PropertyResult::proved).count();
        String all = proof.map(Proof::allLengths).orElse("");
        String bounded = Proof.bounded(bounds);
        return proved == holding.size() ? "what holds, holds " + all
                : proved == 0 ? "what holds, holds " + bounded
                : proved + " of " + holding.size() + " holding properties " + all + ", the rest " + bounded;
    }

    /** Whether some property checked is violated (the CLI's exit code 1). */
    public boolean anyViolated() {
        return properties.stream().anyMatch(p -> p.status() == PropertyResult.Status.VIOLATED);
    }
}
