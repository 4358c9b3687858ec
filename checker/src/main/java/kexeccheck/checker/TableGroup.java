package kexeccheck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Some tables of a matrix, classified together on one loaded model: the unit of work one thread
 * of {@code matrix --jobs} does. Its questions are translated once for all its tables, as
 * {@link CellClassifier} says; each table's safe cells, if asked, get an induction of their own,
 * because the safe cells of different tables rest on different mechanisms and one lemma set does
 * not carry them all at once.
 */
final class TableGroup {

    private final LoadedModel model;
    private final String configuration;
    private final List<MatrixCells.TableKey> tables;

    /**
     * @param configuration the matrix's configuration constraints (every table's)
     * @param tables this group's tables, in the report's order
     */
    TableGroup(LoadedModel model, String configuration, List<MatrixCells.TableKey> tables) {
        this.model = model;
        this.configuration = configuration + " and " + only(tables);
        this.tables = List.copyOf(tables);
    }

    /** What a group gives back: its tables, and the solver time they took. */
    record Result(List<Matrix.Table> tables, Timing timing) {}

    /**
     * Classifies every cell of the group's tables and, if asked, proves each table's safe cells.
     *
     * @param settled told once for every cell settled (from this group's thread)
     */
    Result classify(List<String> population, boolean prove, Runnable settled) {
        MatrixCells cells = new MatrixCells(tables, population, settled);
        CellClassifier classifier = new CellClassifier(model, QueryText.runs(configuration), cells);
        Timing timing = classifier.classify();
        List<Matrix.Table> out = new ArrayList<>();
        for (MatrixCells.TableKey table : tables) {
            Optional<Proof> proof = (prove ? classifier.safeCells(table) : Optional.<String>empty())
                    .map(safe -> Induction.prove(model, configuration + " and " + safe, safeGoals(model.annotations())));
            if (proof.isPresent()) {
                timing = timing.plus(proof.get().timing());
            }
            out.add(new Matrix.Table(table.firmware(), table.hardware(), cells.cellsOf(table), proof));
        }
        return new Result(out, timing);
    }

    /**
     * The same tables with each failing cell's conditions over the open options ({@link CellConditionsFinder}).
     *
     * @param classified what {@link #classify} gave back
     */
    Result withConditions(Result classified, OptionSpace space) {
        List<MatrixCells.Key> failing = new ArrayList<>();
        for (Matrix.Table t : classified.tables()) {
            t.cells().stream().filter(Matrix.Cell::failing)
                    .forEach(c -> failing.add(new MatrixCells.Key(t.firmware(), t.hardware(), c.from(), c.to())));
        }
        CellConditionsFinder finder = new CellConditionsFinder(model, QueryText.runs(configuration), space, failing,
                stage -> { });
        Map<MatrixCells.Key, CellConditions> found = finder.find();
        List<Matrix.Table> out = new ArrayList<>();
        for (Matrix.Table t : classified.tables()) {
            out.add(new Matrix.Table(t.firmware(), t.hardware(), t.cells().stream().map(c -> new Matrix.Cell(c.from(),
                    c.to(), c.outcome(), c.evidence(), Optional.ofNullable(found.get(new MatrixCells.Key(t.firmware(),
                    t.hardware(), c.from(), c.to()))))).toList(), t.safeCellsProof()));
        }
        return new Result(out, classified.timing().plus(finder.timing()));
    }

    /** The configurations of these tables and no other, as one formula. */
    private String only(List<MatrixCells.TableKey> keys) {
        return "(" + String.join(" or ", keys.stream().map(t -> "(Config.firmware = " + Names.valueToAlloy(t.firmware())
                + " and Config.hardware = " + Names.valueToAlloy(t.hardware()) + ")").toList()) + ")";
    }

    /** What "safe" means: every property holds and no outcome witness is reached. */
    private static List<String> safeGoals(Annotations annotations) {
        List<String> goals = new ArrayList<>(annotations.properties().stream().map(Annotations.Annotated::predicate).toList());
        annotations.outcomes().forEach(w -> goals.add("not " + w.predicate()));
        return goals;
    }
}
