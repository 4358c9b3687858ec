package kexeccheck.checker;

import edu.mit.csail.sdg.alloy4.Err;
import edu.mit.csail.sdg.translator.A4Solution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kodkod.ast.Relation;
import kodkod.engine.Solution;
import kodkod.engine.Statistics;
import kodkod.engine.fol2sat.Translation;
import kodkod.engine.satlab.SATSolver;
import kodkod.instance.PardinusBounds;
import kodkod.instance.TemporalInstance;
import kodkod.util.ints.IntIterator;
import kodkod.util.ints.IntSet;

/**
 * The runs of one query, one for each distinct valuation of some static relations (the
 * configuration a matrix cell or a cross-check case is made of), from ONE translation.
 *
 * <p>Why: translating a query to CNF costs 0.2–1 s, solving it again with one more clause costs
 * milliseconds. Alloy's own enumeration ({@code A4Solution.next()}) blocks a whole instance or a
 * whole static configuration (placements included), never a chosen part of it, so this class keeps
 * the SAT solver Alloy left behind (both engines, SAT4J and CaDiCaL, are incremental), adds one clause per run found that
 * excludes that run's valuation of the distinguishing relations, and solves again. Each new model is
 * handed back to Alloy through the enumeration hook of {@link A4Solution#next()}, so that it comes
 * back as an ordinary {@link A4Solution} that the trace extractor reads like any other.
 *
 * <p>Alloy has no API for either step: {@link AlloyInternals} is the one class that reaches into its
 * private fields, and its test fails on an Alloy version where they moved.
 */
final class RunEnumerator {

    private final LoadedModel model;
    private final List<String> distinguishing;
    private A4Solution current;
    private Translation.Whole translation;
    private PardinusBounds originalBounds;
    private List<Relation> relations;
    private Timing timing;
    private boolean exhausted;
    private boolean first = true;
    private final Set<Valuation> excluded = new java.util.HashSet<>();

    private RunEnumerator(LoadedModel model, List<String> distinguishing) {
        this.model = model;
        this.distinguishing = List.copyOf(distinguishing);
    }

    /**
     * Starts the enumeration of the runs of length {@code model.bounds().steps()} satisfying
     * {@code formula}: translates and solves once.
     *
     * @param distinguishing the static relations whose valuations are enumerated, by field name
     *     ({@code Kernel.profile}, {@code Config.firmware}); runs agreeing on all of them count once
     */
    static RunEnumerator start(LoadedModel model, String formula, List<String> distinguishing) {
        RunEnumerator e = new RunEnumerator(model, distinguishing);
        LoadedModel.SolveResult first = model.solve(formula, model.bounds().steps());
        e.timing = Timing.of(first);
        if (!first.found()) {
            e.exhausted = true;
            return e;
        }
        e.current = first.solution();
        e.attach();
        return e;
    }

    /** The solver time so far. */
    Timing timing() {
        return timing;
    }

    /**
     * The next run: the first call gives the run found by the translation, each later call one whose
     * valuation of the distinguishing relations differs from every run given before.
     */
    Optional<A4Solution> next() {
        if (exhausted) {
            return Optional.empty();
        }
        if (first && !excluded.isEmpty() && excluded.contains(valuation())) {
            first = false; // Alloy's own first run was excluded since
        }
        if (!first) {
            requireSolver();
            current = solveExcludingCurrent();
            if (current == null) {
                exhausted = true;
                return Optional.empty();
            }
        }
        first = false;
        return Optional.of(current);
    }

    /**
     * The current run's valuation of the distinguishing relations, as tuple indices: the same
     * model parsed with the same bounds numbers tuples alike in every translation, so a valuation
     * found by one enumerator can be excluded from another's.
     */
    Valuation valuation() {
        requireSolver();
        SATSolver cnf = translation.cnf();
        List<Set<Integer>> chosen = new ArrayList<>();
        for (Relation r : relations) {
            Set<Integer> in = new TreeSet<>();
            for (IntIterator it = translation.bounds().lowerBound(r).indexView().iterator(); it.hasNext();) {
                in.add(it.next());
            }
            forEachFreeTuple(r, (index, var) -> {
                if (cnf.valueOf(var)) {
                    in.add(index);
                }
            });
            chosen.add(Set.copyOf(in));
        }
        return new Valuation(List.copyOf(chosen));
    }

    /** Excludes the runs with this valuation from every later {@link #next()}. */
    void exclude(Valuation valuation) {
        if (exhausted) {
            return;
        }
        requireSolver();
        if (first) {
            excluded.add(valuation);
        }
        List<Integer> clause = new ArrayList<>();
        for (int i = 0; i < relations.size(); i++) {
            Set<Integer> in = valuation.tuples().get(i);
            forEachFreeTuple(relations.get(i), (index, var) -> clause.add(in.contains(index) ? -var : var));
        }
        if (clause.isEmpty()) {
            exhausted = true; // nothing is free: the only valuation is excluded
            return;
        }
        translation.cnf().addClause(clause.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * A valuation of the distinguishing relations, in their order: the indices of the tuples each
     * holds.
     */
    record Valuation(List<Set<Integer>> tuples) {}

    /** Kodkod gives a relation's free tuples (upper minus lower bound) consecutive variables in index order. */
    private void forEachFreeTuple(Relation r, java.util.function.BiConsumer<Integer, Integer> action) {
        IntSet vars = translation.primaryVariables(r);
        if (vars.isEmpty()) {
            return;
        }
        int var = vars.min();
        IntSet lower = translation.bounds().lowerBound(r).indexView();
        for (IntIterator it = translation.bounds().upperBound(r).indexView().iterator(); it.hasNext();) {
            int index = it.next();
            if (!lower.contains(index)) {
                action.accept(index, var++);
            }
        }
        if (var != vars.max() + 1) {
            throw new IllegalStateException("Kodkod numbered the variables of " + r + " differently than expected");
        }
    }

    private void requireSolver() {
        if (translation == null) {
            throw new IllegalStateException("incremental enumeration is not available for " + model.source().name());
        }
    }

    private A4Solution solveExcludingCurrent() {
        SATSolver cnf = translation.cnf();
        if (relations.stream().allMatch(r -> translation.primaryVariables(r).isEmpty())) {
            return null; // the relations are fixed: there is only one valuation
        }
        exclude(valuation());
        if (exhausted) {
            return null;
        }
        long start = System.nanoTime();
        boolean sat = cnf.solve();
        long solved = System.nanoTime() - start;
        if (!sat) {
            timing = timing.plus(new Timing(0, solved / 1_000_000, 1, 0));
            cnf.free();
            translation = null;
            return null;
        }
        Solution solution = Solution.satisfiable(new Statistics(0, 0, 0, 0, solved / 1_000_000),
                new TemporalInstance(translation.interpret(), originalBounds));
        long wrapStart = System.nanoTime();
        A4Solution next;
        try {
            AlloyInternals.handBack(current, solution);
            next = current.next();
        } catch (Err e) {
            throw new IllegalStateException("Alloy could not read back an enumerated run: " + e.msg, e);
        }
        timing = timing.plus(new Timing((System.nanoTime() - wrapStart) / 1_000_000, solved / 1_000_000, 1, 0));
        return next;
    }

    /** Finds the live SAT solver behind Alloy's solution; leaves {@link #translation} null if it cannot. */
    private void attach() {
        Optional<AlloyInternals.LiveSolver> live = AlloyInternals.liveSolver(current);
        if (live.isEmpty()) {
            return;
        }
        Translation.Whole t = live.get().translation();
        List<Relation> found = new ArrayList<>();
        for (String name : distinguishing) {
            List<Relation> named = t.bounds().relations().stream()
                    .filter(r -> !r.isVariable() && (r.name().equals(name) || r.name().endsWith("/" + name))).toList();
            if (named.size() != 1) {
                throw new IllegalArgumentException(model.source().name() + " has " + named.size()
                        + " static relations named " + name + ", not one");
            }
            found.add(named.get(0));
        }
        this.relations = found;
        this.originalBounds = live.get().originalBounds();
        this.translation = t;
    }
}
