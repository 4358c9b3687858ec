package kexeccheck.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * The queries of one check over one loaded model and one set of runs,
 * with the solver time each property cost.
 */
final class Query {

    private final LoadedModel model;
    private final String runs;
    private final Map<String, Timing> byPredicate = new HashMap<>();
    private Timing total = Timing.NONE;

    Query(LoadedModel model, String runs) {
        this.model = model;
        this.runs = runs;
    }

    /** The model every query of this check is asked of. */
    LoadedModel model() {
        return model;
    }

    /** The runs every query of this check is about. */
    String runs() {
        return runs;
    }

    /** A run satisfying {@code formula} as well as being one of {@link #runs()}, if any. */
    Optional<LoadedModel.SolveResult> findRun(String formula) {
        LoadedModel.SolveResult r = solve(runs + " and " + formula, model.bounds().steps(), List.of());
        return r.found() ? Optional.of(r) : Optional.empty();
    }

    /** Is there a run, within the bounds, satisfying this formula? */
    boolean exists(String formula) {
        return solve(formula, model.bounds().steps(), List.of()).found();
    }

    /**
     * A run where {@code failing} eventually holds, charged to the given properties.
     */
    Optional<LoadedModel.SolveResult> find(String failing, List<Annotations.Annotated> chargedTo) {
        LoadedModel.SolveResult r = solve(runs + " and eventually (" + failing + ")", model.bounds().steps(),
                chargedTo.stream().map(Annotations.Annotated::predicate).toList());
        return r.found() ? Optional.of(r) : Optional.empty();
    }

    /** Whether the run violates the predicate in some state. */
    boolean violates(LoadedModel.SolveResult run, String predicate) {
        for (int i = 0; i < run.solution().getTraceLength(); i++) {
            if (Boolean.FALSE.equals(model.eval(run.solution(), predicate, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A shortest counterexample to a property, starting from a run that violates it: the run is cut
     * at its first violation with its stutter steps removed, then shorter runs are asked for until
     * none exists.
     */
    Trace shortest(LoadedModel.SolveResult run, Annotations.Annotated p) {
        return shortest(run, p, "some Config");
    }

    /**
     * A shortest counterexample among the runs that also satisfy {@code within}, starting from one of
     * them, as {@link #shortest(LoadedModel.SolveResult, Annotations.Annotated)} finds one in all.
     */
    Trace shortest(LoadedModel.SolveResult run, Annotations.Annotated p, String within) {
        String failing = "not (" + p.predicate() + ")";
        Trace best = TraceExtractor.extract(model, run.solution(), failing, p.name(), p.outcome());
        while (best.states().size() > 1) {
            LoadedModel.SolveResult shorter = solve(runs + " and (" + within + ") and eventually " + failing,
                    best.states().size() - 1, List.of(p.predicate()));
            if (!shorter.found()) {
                break;
            }
            best = TraceExtractor.extract(model, shorter.solution(), failing, p.name(), p.outcome());
        }
        return best;
    }

    /** A run reaching a state where an outcome witness holds, if any. */
    Optional<Trace> witness(String predicate, String name, Outcome outcome) {
        LoadedModel.SolveResult r = solve(runs + " and eventually (" + predicate + ")", model.bounds().steps(),
                List.of());
        return r.found() ? Optional.of(TraceExtractor.extract(model, r.solution(), predicate, name, outcome))
                : Optional.empty();
    }

    /** The solver time charged to one property (queries shared by several are charged to each). */
    Timing timingOf(String predicate) {
        return byPredicate.getOrDefault(predicate, Timing.NONE);
    }

    /** The solver time of every query. */
    Timing total() {
        return total;
    }

    private LoadedModel.SolveResult solve(String formula, int length, List<String> chargedTo) {
        LoadedModel.SolveResult r = model.solve(formula, length);
        Timing t = Timing.of(r);
        total = total.plus(t);
        chargedTo.forEach(p -> byPredicate.merge(p, t, Timing::plus));
        return r;
    }
}
