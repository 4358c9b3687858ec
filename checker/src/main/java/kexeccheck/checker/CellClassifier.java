package kexeccheck.checker;

import edu.mit.csail.sdg.translator.A4Solution;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * Classifies every cell of a matrix with one translated query per question, enumerating the
 * question's runs cell by cell on an incremental solver.
 */
final class CellClassifier {

    /** What tells two cells apart: the chain's profiles and the table's firmware and hardware. */
    static final List<String> CELL = List.of("Kernel.profile", "Config.firmware", "Config.hardware");

    private static final String REACHES_LAST = "eventually (Machine.running = lastKernel)";
    static final String LAST_IS_UP = "eventually (Machine.running = lastKernel and Machine.phase = Up)";

    private final LoadedModel model;
    private final String runs;
    private final MatrixCells cells;
    private Timing timing = Timing.NONE;

    CellClassifier(LoadedModel model, String runs, MatrixCells cells) {
        this.model = model;
        this.runs = runs;
        this.cells = cells;
    }

    /** Settles every cell; returns the solver time it took. */
    Timing classify() {
        Annotations a = model.annotations();
        Set<List<String>> applicable = tablesWhere(a.applicable().orElse("some Config"));
        // a cell takes the first class found, so the questions go worst first
        for (Annotations.Question q : a.questionsWorstFirst()) {
            settleWhere("eventually (" + q.bad() + ")", q, applicable);
        }
        settleRunnable(LAST_IS_UP, Outcome.SAFE, applicable, true);
        if (cells.open().stream().anyMatch(k -> !applicable.contains(table(k)))) {
            settleRunnable(REACHES_LAST, Outcome.NOT_APPLICABLE, applicable, false);
        }
        cells.open().forEach(k -> cells.settle(k, Outcome.CANNOT_RUN, Optional.empty()));
        return timing;
    }

    /** The tables (firmware, hardware) with a run where the model's applicability condition holds. */
    private Set<List<String>> tablesWhere(String applicable) {
        Set<List<String>> tables = new HashSet<>();
        forEachRun(runs + " and " + applicable, List.of("Config.firmware", "Config.hardware"),
                solution -> tables.add(table(keyOf(solution))));
        return tables;
    }

    /** Gives {@code cls} to every open cell of an applicable table where {@code reached} happens in some run. */
    private void settleWhere(String eventually, Annotations.Question q, Set<List<String>> applicable) {
        Outcome cls = q.outcome();
        Optional<String> open = openCells(k -> applicable.contains(table(k)));
        if (open.isEmpty()) {
            return;
        }
        forEachRun(runs + " and " + open.get() + " and " + eventually, CELL, solution -> {
            Trace run = TraceExtractor.extract(model, solution, q.bad(), q.properties(), q.name(), cls);
            MatrixCells.Key key = MatrixCells.of(run);
            if (applicable.contains(table(key)) && !cells.isSettled(key)) {
                cells.settle(key, cls, Optional.of(run));
            }
        });
    }

    /** Gives {@code outcome} to the open cells with a run to the end, in applicable tables or in the others. */
    private void settleRunnable(String toEnd, Outcome outcome, Set<List<String>> applicable, boolean inApplicable) {
        Optional<String> open = openCells(k -> applicable.contains(table(k)) == inApplicable);
        if (open.isEmpty()) {
            return;
        }
        forEachRun(runs + " and " + open.get() + " and " + toEnd, CELL, solution -> {
            MatrixCells.Key key = keyOf(solution);
            if (applicable.contains(table(key)) == inApplicable && !cells.isSettled(key)) {
                cells.settle(key, outcome, Optional.empty());
            }
        });
    }

    /** Calls {@code onSolution} with one run of {@code formula} per valuation of {@code distinguishing}. */
    private void forEachRun(String formula, List<String> distinguishing, Consumer<A4Solution> onSolution) {
        RunEnumerator enumerator = RunEnumerator.start(model, formula, distinguishing);
        for (Optional<A4Solution> s = enumerator.next(); s.isPresent(); s = enumerator.next()) {
            onSolution.accept(s.get());
        }
        timing = timing.plus(enumerator.timing());
    }

    private MatrixCells.Key keyOf(A4Solution solution) {
        return MatrixCells.of(TraceExtractor.extract(model, solution, "some Config", "run", Outcome.SAFE));
    }

    /**
     * The open cells {@code among} as one formula, table by table, so that a question's enumeration
     * never revisits a cell an earlier (worse) class settled; empty when there is none.
     */
    private Optional<String> openCells(Predicate<MatrixCells.Key> among) {
        return MatrixCells.formula(model, cells.open().stream().filter(among).toList());
    }

    /** The cells of one table classified safe, as one formula over the configuration; empty when there is none. */
    Optional<String> safeCells(MatrixCells.TableKey table) {
        return MatrixCells.formula(model, cells.settledAs(Outcome.SAFE, table));
    }

    private static List<String> table(MatrixCells.Key key) {
        return List.of(key.firmware(), key.hardware());
    }
}
