package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import edu.mit.csail.sdg.translator.A4TupleSet;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Classifies every valuation of a check's open options, per violated property: does some run of the
 * check (its chain or population, its bounds) with that valuation violate the property, and does some
 * run with it exist at all. Then {@link Implicants} describes both sets.
 *
 * <p>Why by the solver and not one check per valuation: each valuation would cost a translation
 * (0.2–1 s), against milliseconds for one more solve on the same CNF. So one {@link RunEnumerator}
 * per property enumerates, on one incremental solver, the runs violating it that differ in the open
 * options' {@code Config} fields (one blocking clause per valuation found); a last one enumerates the
 * runs that reach the check's end, skipping every valuation already known to run (and is skipped
 * when every valuation fails some property). That is one translation per violated property plus one,
 * and one solve per valuation found plus one per enumeration.
 *
 * <p>Two shortcuts were measured and dropped (2026-12-07, {@code no-efi-sticky-breaks}): asking first
 * for the runs violating any of the properties and crediting each run to every property it violates
 * saved a fifth of the solves but no time (the disjunction is harder to solve, and each run must be
 * evaluated per property); carrying a run over to other valuations by solving under assumptions that
 * fix everything but the open options (SAT4J's own solver, reached by reflection) settled 96
 * valuations with 6 searches, but each solve under assumptions (one per other primary variable) cost
 * SAT4J about as much as a search (30–50 ms). The cost therefore grows with the valuations: {@link Checker} classifies
 * only up to a limit the caller sets.
 */
final class ViolationConditions {

    private final LoadedModel model;
    private final OptionSpace space;
    private final List<String> fields;
    private final Consumer<String> stage;
    private final ValuationSets sets;

    private ViolationConditions(LoadedModel model, OptionSpace space, Consumer<String> stage) {
        this.model = model;
        this.space = space;
        this.fields = space.options().stream().map(o -> "Config." + model.vocabulary().optionFields().get(o)).toList();
        this.stage = stage;
        this.sets = new ValuationSets(model, fields, solution -> space.index(valuation(solution)));
    }

    /**
     * The conditions of every property given.
     *
     * @param runs the check's runs ({@link QueryText#runs})
     * @param end what a run must reach to count as running (the check's {@code reachesEnd}); a run that
     *     violates a property counts as running too, as the check counts it as a counterexample
     * @param violated the properties to describe, each violated by some run
     * @param limit the most valuations the caller lets be classified: none when {@code space} has more
     * @param stage told what is being done, for a person waiting
     */
    static Conditions find(LoadedModel model, String runs, String end, OptionSpace space,
            List<Annotations.Annotated> violated, int limit, Consumer<String> stage) {
        if (space.size() > limit) {
            return new Conditions(space, limit, Map.of(), Optional.empty(), Timing.NONE);
        }
        return new ViolationConditions(model, space, stage).find(runs, end, violated, limit);
    }

    private Conditions find(String runs, String end, List<Annotations.Annotated> violated, int limit) {
        Map<String, BitSet> failing = new LinkedHashMap<>();
        violated.forEach(p -> failing.put(p.name(), new BitSet()));
        BitSet running = new BitSet();
        if (space.options().isEmpty()) {
            // nothing left open: the one (empty) valuation fails each property, which some run violates
            running.set(0);
            failing.values().forEach(f -> f.set(0));
            return conditions(failing, running, limit);
        }
        for (Annotations.Annotated p : violated) {
            BitSet f = failing.get(p.name());
            enumerate(runs + " and eventually not (" + p.predicate() + ")", f,
                    "which configurations of the open options " + p.name() + " fails in");
            running.or(f);
        }
        if (running.cardinality() < space.size()) { // else every valuation runs: no translation to ask
            enumerate(runs + " and " + end, running, "which configurations of the open options run");
        }
        return conditions(failing, running, limit);
    }

    /** Each property's sets, described. */
    private Conditions conditions(Map<String, BitSet> failing, BitSet running, int limit) {
        Map<String, Conditions.OfProperty> out = new LinkedHashMap<>();
        BitSet any = new BitSet();
        failing.forEach((name, f) -> {
            out.put(name, described(f, running));
            any.or(f);
        });
        return new Conditions(space, limit, out, Optional.of(described(any, running)), sets.timing());
    }

    /** A set of failing valuations and its complement among those that run, each as a short condition. */
    private Conditions.OfProperty described(BitSet failing, BitSet running) {
        BitSet holds = (BitSet) running.clone();
        holds.andNot(failing);
        return new Conditions.OfProperty(Implicants.minimise(space, failing, running),
                Implicants.minimise(space, holds, running), failing.cardinality(), running.cardinality());
    }

    /**
     * Adds to {@code found} every valuation with a run satisfying {@code formula}, asking only about
     * those not in it already.
     */
    private void enumerate(String formula, BitSet found, String what) {
        stage.accept(what);
        sets.enumerate(formula, found, found, n -> stage.accept(what + " (" + n + " of " + space.size() + ")"));
    }

    /** The open options' values in a run. */
    private Map<String, String> valuation(A4Solution solution) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            A4TupleSet value = (A4TupleSet) model.eval(solution, fields.get(i), 0);
            out.put(space.options().get(i), Names.value(Names.bare(value.iterator().next().atom(0))));
        }
        return out;
    }
}
