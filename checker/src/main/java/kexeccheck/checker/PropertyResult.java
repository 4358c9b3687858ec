package kexeccheck.checker;

import java.util.Optional;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * The verdict on one property.
 *
 * @param name the property's CLI name
 * @param violationMeans the outcome class a violation means
 * @param status holds, violated or not applicable
 * @param bounds the bounds the verdict covers
 * @param counterexample the shortest counterexample found, when violated
 * @param timing where the time went
 * @param source the file and line the property is declared at ({@code models/src/main/resources/kexec-check/models/kexec/properties.als:14})
 * @param proved whether a holding property is proved for runs of any length ({@link Proof}), not
 *     only within the bounds
 */
public record PropertyResult(
        String name,
        Outcome violationMeans,
        Status status,
        Bounds bounds,
        Optional<Trace> counterexample,
        Timing timing,
        String source,
        boolean proved) {

    /** How far the verdict reaches, in words: "for all chain lengths (k-induction, k=1)" or "up to 4 steps". */
    public String reach(Optional<Proof> proof) {
        if (status != Status.HOLDS) {
            return "";
        }
        return proved && proof.isPresent() ? proof.get().allLengths() : Proof.bounded(bounds);
    }

    /** A property's status. */
    public enum Status {
        /** no trace within the bounds violates it */
        HOLDS,
        /** a trace violates it: see the counterexample */
        VIOLATED,
        /** the question does not arise in any configuration explored */
        NOT_APPLICABLE;

        /** The name users see. */
        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
