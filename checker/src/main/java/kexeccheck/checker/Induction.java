package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;

/**
 * Proves that goals hold in every state of every run, however long, by
 * induction over the model's {@code init} and {@code step}, strengthened
 * with the model's lemmas ({@code @invariant} predicates).
 *
 * <p>The candidates are the goals and the lemmas; S is their conjunction.
 * S is inductive when both hold:
 * <ol>
 *   <li>base: every state {@code init} allows satisfies S;</li>
 *   <li>step: no state satisfying S (anywhere, not only after {@code init}) has a successor
 *       under {@code step} that violates S.</li>
 * </ol>
 * One query asks for a counterexample to either (one translation instead of
 * two); none proves S in every reachable state. Where there is one, the
 * candidates it violates (in the initial state, or in the step's successor) cannot be part of an
 * inductive S: they are dropped and the queries asked again (the Houdini
 * algorithm), until S is inductive or a round limit is hit. Goals that
 * survive are proved; a dropped lemma was never assumed, so a wrong lemma
 * costs a proof, never a wrong verdict.
 *
 * <p>Why k = 1: stuttering is always enabled, so k consecutive states can be
 * one state and k - 1 stutters; a larger k rules out almost no spurious
 * predecessor, while the lemmas rule them out directly. Alloy's traces are
 * lassos, so the query asks for three states (the last a stutter that loops
 * on itself), which loses no path.
 *
 * <p>The configuration stays as the request narrowed it: the proof covers
 * exactly the configurations the bounded check explored, with chains of as
 * many kernels, and runs of any length.
 */
final class Induction {

    /** The k of the induction (see the class comment). */
    static final int K = 1;
    /** Rounds of dropping refuted candidates before giving up. */
    static final int MAX_ROUNDS = 4;

    private Induction() {}

    /**
     * Tries to prove {@code goals} (Alloy formulas over one state) for every run of the configuration.
     *
     * @param configuration the request's configuration constraints (no {@code init})
     */
    static Proof prove(LoadedModel model, String configuration, List<String> goals) {
        List<String> lemmas = model.annotations().invariants().stream().map(Annotations.Annotated::predicate).toList();
        List<String> candidates = new ArrayList<>(goals);
        candidates.addAll(lemmas);
        List<Proof.Dropped> dropped = new ArrayList<>();
        Timing timing = Timing.NONE;
        for (int round = 1; round <= MAX_ROUNDS && candidates.stream().anyMatch(goals::contains); round++) {
            String s = conjunction(candidates);
            // base and step in one query: one translation instead of two
            LoadedModel.SolveResult r = model.solve("(" + configuration + ") and (always step) and ((init and not "
                    + s + ") or (" + s + " and after not " + s + "))", K + 2);
            timing = timing.plus(Timing.of(r));
            if (!r.found()) {
                return new Proof(K, goals, candidates.stream().filter(goals::contains).toList(), lemmas, dropped, timing,
                        meanings(model));
            }
            boolean fromInit = Boolean.TRUE.equals(model.eval(r.solution(), "init", 0))
                    && Boolean.FALSE.equals(model.eval(r.solution(), s, 0));
            List<String> violated = violated(model, r, candidates, fromInit ? 0 : K);
            if (violated.isEmpty()) {
                throw new IllegalStateException("the solver found a run that violates no candidate of " + s);
            }
            candidates.removeAll(violated);
            violated.forEach(v -> dropped.add(new Proof.Dropped(v, fromInit)));
        }
        return new Proof(K, goals, List.of(), lemmas, dropped, timing, meanings(model));
    }

    private static String conjunction(List<String> formulas) {
        return "(" + String.join(" and ", formulas.stream().map(g -> "(" + g + ")").toList()) + ")";
    }

    /** The candidates the run violates in state {@code state}: the initial one, or a step's successor. */
    private static List<String> violated(LoadedModel model, LoadedModel.SolveResult r, List<String> candidates,
            int state) {
        return candidates.stream().filter(c -> Boolean.FALSE.equals(model.eval(r.solution(), c, state))).toList();
    }

    /** Each lemma's meaning, by predicate, as its comment in the model says it. */
    private static java.util.Map<String, String> meanings(LoadedModel model) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        model.annotations().invariants().forEach(i -> out.put(i.predicate(), i.meaning()));
        return out;
    }
}
