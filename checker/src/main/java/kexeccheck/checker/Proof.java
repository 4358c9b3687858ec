package kexeccheck.checker;

import java.util.List;

/**
 * The result of trying to prove a check's verdicts for runs of any length ({@link Induction}).
 *
 * @param k the k of the induction
 * @param goals what was to be proved: the properties that held within the bounds, and
 *     {@code not W} for each outcome witness W no bounded run reached
 * @param proved the goals proved for every reachable state, however long the run
 * @param lemmas the model's {@code @invariant} predicates offered to strengthen the induction
 * @param dropped each candidate (lemma or goal) dropped on the way, with what refuted it
 * @param timing the solver time of the proof's queries
 * @param meanings each lemma's meaning in kernel terms (the first sentence of its comment), by predicate
 */
public record Proof(int k, List<String> goals, List<String> proved, List<String> lemmas, List<Dropped> dropped,
        Timing timing, java.util.Map<String, String> meanings) {

    /** A proof whose lemmas have no meanings to say (read back from a report that did not carry them). */
    public Proof(int k, List<String> goals, List<String> proved, List<String> lemmas, List<Dropped> dropped,
            Timing timing) {
        this(k, goals, proved, lemmas, dropped, timing, java.util.Map.of());
    }

    /**
     * The lemmas that closed the induction: those kept in the inductive conjunction when some goal was
     * proved (none otherwise), in the model's order.
     */
    public List<String> closedBy() {
        if (proved.isEmpty()) {
            return List.of();
        }
        return lemmas.stream().filter(l -> dropped.stream().noneMatch(d -> d.candidate().equals(l))).toList();
    }

    /** A lemma's meaning in kernel terms, from its comment in the model; empty when it has none. */
    public String meaning(String lemma) {
        return meanings.getOrDefault(lemma, "");
    }

    /**
     * A candidate that cannot be part of the inductive conjunction.
     *
     * @param candidate the lemma's predicate or the goal
     * @param reachable whether a run from {@code init} violates it (else an induction step does,
     *     from a state that satisfies every candidate but may be unreachable)
     */
    public record Dropped(String candidate, boolean reachable) {
        /** In words: "a run from init breaks live-tables-handed-over". */
        public String describe() {
            return (reachable ? "a run from init breaks " : "an induction step breaks ") + Names.kebab(candidate);
        }
    }

    public Proof {
        goals = List.copyOf(goals);
        proved = List.copyOf(proved);
        lemmas = List.copyOf(lemmas);
        dropped = List.copyOf(dropped);
        meanings = java.util.Map.copyOf(meanings);
    }

    /** Whether every goal is proved. */
    public boolean complete() {
        return proved.containsAll(goals);
    }

    /** Whether this goal (an Alloy predicate name or {@code not W}) is proved. */
    public boolean proves(String goal) {
        return proved.contains(goal);
    }

    /** The reach of a proved verdict: "for all chain lengths (k-induction, k=1)". */
    public String allLengths() {
        return "for all chain lengths (k-induction, k=" + k + ")";
    }

    /** The reach of a verdict that holds only within the bounds: "up to 4 steps". */
    public static String bounded(kexeccheck.trace.Bounds bounds) {
        return "up to " + (bounds.steps() - 1) + " steps";
    }

    /** The proof in one line, for the report's header. */
    public String describe() {
        long kept = lemmas.stream().filter(l -> dropped.stream().noneMatch(d -> d.candidate().equals(l))).count();
        String why = dropped.isEmpty() ? ""
                : " (dropped: " + String.join("; ", dropped.stream().map(Dropped::describe).toList()) + ")";
        if (complete()) {
            return "k-induction, k=" + k + ", with " + kept + " lemmas: what holds, holds for all chain lengths" + why;
        }
        if (proved.isEmpty()) {
            return "none found" + why + ": what holds, holds up to the bounds";
        }
        return "k-induction, k=" + k + ", with " + kept + " lemmas: " + proved.size() + " of " + goals.size()
                + " goals hold for all chain lengths, the rest up to the bounds" + why;
    }
}
