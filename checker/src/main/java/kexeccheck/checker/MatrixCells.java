package kexeccheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import kexeccheck.trace.Trace;

/** The cells of a matrix while they are being classified: which are settled, and how. */
final class MatrixCells {

    /** One cell: a chain {@code from} → {@code to} under one firmware and one hardware. */
    record Key(String firmware, String hardware, String from, String to) {}

    private final List<String> firmwares;
    private final List<String> hardwares;
    private final List<String> population;
    private final IntConsumer settled;
    private final Map<Key, Matrix.Cell> cells = new LinkedHashMap<>();

    MatrixCells(List<String> firmwares, List<String> hardwares, List<String> population, IntConsumer settled) {
        this.firmwares = List.copyOf(firmwares);
        this.hardwares = List.copyOf(hardwares);
        this.population = List.copyOf(population);
        this.settled = settled;
    }

    /** The cell a run of the model belongs to. */
    static Key of(Trace run) {
        return new Key(run.configuration().options().get("firmware"), run.configuration().options().get("hardware"),
                run.configuration().chain().get(0).profile(), run.configuration().chain().get(1).profile());
    }

    boolean isSettled(Key key) {
        return cells.containsKey(key);
    }

    void settle(Key key, Matrix.CellOutcome outcome, Optional<Trace> evidence) {
        if (cells.putIfAbsent(key, new Matrix.Cell(key.from(), key.to(), outcome, evidence)) != null) {
            throw new IllegalStateException("cell " + key + " was classified twice");
        }
        settled.accept(cells.size());
    }

    /** The cells settled with this outcome, in the order they were settled. */
    List<Key> settledAs(Matrix.CellOutcome outcome) {
        return cells.entrySet().stream().filter(e -> e.getValue().outcome().equals(outcome)).map(Map.Entry::getKey)
                .toList();
    }

    /** The cells not settled yet, table by table, row by row. */
    List<Key> open() {
        List<Key> open = new ArrayList<>();
        for (String firmware : firmwares) {
            for (String hardware : hardwares) {
                for (String from : population) {
                    for (String to : population) {
                        Key key = new Key(firmware, hardware, from, to);
                        if (!cells.containsKey(key)) {
                            open.add(key);
                        }
                    }
                }
            }
        }
        return open;
    }

    /** The settled matrix, one table per firmware × hardware in the order asked for. */
    List<Matrix.Table> tables() {
        if (!open().isEmpty()) {
            throw new IllegalStateException("cells left unclassified: " + open());
        }
        List<Matrix.Table> tables = new ArrayList<>();
        for (String firmware : firmwares) {
            for (String hardware : hardwares) {
                List<Matrix.Cell> rows = new ArrayList<>();
                for (String from : population) {
                    for (String to : population) {
                        rows.add(cells.get(new Key(firmware, hardware, from, to)));
                    }
                }
                tables.add(new Matrix.Table(firmware, hardware, rows));
            }
        }
        return tables;
    }
}
