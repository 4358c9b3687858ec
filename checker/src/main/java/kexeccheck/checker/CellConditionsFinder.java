package kexeccheck.checker;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/**
 * Classifies every configuration of the open options in each failing cell of a matrix, then describes
 * each class's configurations ({@link CellConditions}).
 *
 * <p>The questions are the matrix's own ({@link CellClassifier}), asked again with the open options'
 * fields among the distinguishing relations: a pair (cell, configuration) takes the worst class of
 * its runs, so the questions go worst first and each skips the pairs a worse one settled; a last
 * enumeration finds the pairs with a run whose last kernel comes up, which are safe. A pair neither
 * finds cannot run. That is one translation per question, and one solve per pair that runs plus one
 * per question: the cost grows with failing cells times configurations, which {@link Matrix} bounds.
 */
final class CellConditionsFinder {

    private final LoadedModel model;
    private final String runs;
    private final OptionSpace space;
    private final List<MatrixCells.Key> cells;
    private final Consumer<String> stage;
    private final ValuationSets sets;

    /**
     * @param runs the group's runs ({@link QueryText#runs} of its configuration)
     * @param space the options the matrix leaves open, firmware and hardware excepted
     * @param cells the failing cells to describe, all in applicable tables
     * @param stage told what is being done, for a person waiting
     */
    CellConditionsFinder(LoadedModel model, String runs, OptionSpace space, List<MatrixCells.Key> cells,
            Consumer<String> stage) {
        this.model = model;
        this.runs = runs;
        this.space = space;
        this.cells = List.copyOf(cells);
        this.stage = stage;
        List<String> distinguishing = new ArrayList<>(CellClassifier.CELL);
        space.options().forEach(o -> distinguishing.add("Config." + model.vocabulary().optionFields().get(o)));
        this.sets = new ValuationSets(model, distinguishing, this::number);
    }

    /** Every cell's conditions. */
    Map<MatrixCells.Key, CellConditions> find() {
        if (cells.isEmpty()) {
            return Map.of();
        }
        String among = MatrixCells.formula(model, cells).orElseThrow();
        Map<Outcome, BitSet> byClass = new LinkedHashMap<>();
        BitSet settled = new BitSet();
        for (Annotations.Question q : model.annotations().questionsWorstFirst()) {
            BitSet found = byClass.computeIfAbsent(q.outcome(), o -> new BitSet());
            enumerate(runs + " and " + among + " and eventually (" + q.bad() + ")", settled, found, q.name());
            settled.or(found);
        }
        BitSet safe = byClass.computeIfAbsent(Outcome.SAFE, o -> new BitSet());
        enumerate(runs + " and " + among + " and " + CellClassifier.LAST_IS_UP, settled, safe, "safe");
        settled.or(safe);
        Map<MatrixCells.Key, CellConditions> out = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            out.put(cells.get(c), describe(c, byClass, settled));
        }
        return out;
    }

    /** The solver time the classification took. */
    Timing timing() {
        return sets.timing();
    }

    private void enumerate(String formula, BitSet skip, BitSet found, String what) {
        String doing = "which configurations of the open options show " + what + " in " + cells.size() + " failing cells";
        stage.accept(doing);
        sets.enumerate(formula, skip, found, n -> stage.accept(doing + " (" + n + ")"));
    }

    /** One cell's classes, each described over its slice of the pairs. */
    private CellConditions describe(int cell, Map<Outcome, BitSet> byClass, BitSet settled) {
        BitSet running = slice(settled, cell);
        Map<Outcome, Condition> when = new LinkedHashMap<>();
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        byClass.forEach((outcome, pairs) -> {
            BitSet mine = slice(pairs, cell);
            if (!mine.isEmpty()) {
                when.put(outcome, Implicants.minimise(space, mine, running));
                counts.put(outcome, mine.cardinality());
            }
        });
        return new CellConditions(when, counts, running.cardinality());
    }

    /** The configurations of one cell among some pairs, numbered as {@link OptionSpace} numbers them. */
    private BitSet slice(BitSet pairs, int cell) {
        return pairs.get(cell * space.size(), (cell + 1) * space.size());
    }

    /** A run's pair: its cell's position, then its configuration of the open options. */
    private int number(edu.mit.csail.sdg.translator.A4Solution solution) {
        Trace run = TraceExtractor.extract(model, solution, "some Config", "run", Outcome.SAFE);
        int cell = cells.indexOf(MatrixCells.of(run));
        if (cell < 0) {
            throw new IllegalStateException("a run outside the cells asked about: " + MatrixCells.of(run));
        }
        return cell * space.size() + space.index(run.configuration().options());
    }
}
