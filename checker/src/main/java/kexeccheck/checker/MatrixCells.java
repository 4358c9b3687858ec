package kexeccheck.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.Trace;

/** The cells of a matrix while they are being classified: which are settled, and how. */
final class MatrixCells {

    /** One cell: a chain {@code from} → {@code to} under one firmware and one hardware. */
    record Key(String firmware, String hardware, String from, String to) {
        TableKey table() {
            return new TableKey(firmware, hardware);
        }
    }

    /** One table: a firmware and a hardware. */
    record TableKey(String firmware, String hardware) {}

    private final List<TableKey> tables;
    private final List<String> population;
    private final Runnable settled;
    private final Map<Key, Matrix.Cell> cells = new LinkedHashMap<>();

    /**
     * @param tables the tables, in the order of the report
     * @param settled told once for every cell settled
     */
    MatrixCells(List<TableKey> tables, List<String> population, Runnable settled) {
        this.tables = List.copyOf(tables);
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

    void settle(Key key, Outcome outcome, Optional<Trace> evidence) {
        if (cells.putIfAbsent(key, new Matrix.Cell(key.from(), key.to(), outcome, evidence)) != null) {
            throw new IllegalStateException("cell " + key + " was classified twice");
        }
        settled.run();
    }

    /** The cells of one table settled with this outcome, in the order they were settled. */
    List<Key> settledAs(Outcome outcome, TableKey table) {
        return cells.entrySet().stream().filter(e -> e.getValue().outcome().equals(outcome))
                .map(Map.Entry::getKey).filter(k -> k.table().equals(table)).toList();
    }

    /** The cells not settled yet, table by table, row by row. */
    List<Key> open() {
        List<Key> open = new ArrayList<>();
        for (TableKey table : tables) {
            for (String from : population) {
                for (String to : population) {
                    Key key = new Key(table.firmware(), table.hardware(), from, to);
                    if (!cells.containsKey(key)) {
                        open.add(key);
                    }
                }
            }
        }
        return open;
    }

    /** The settled cells of one table, row by row. */
    List<Matrix.Cell> cellsOf(TableKey table) {
        if (!open().isEmpty()) {
            throw new IllegalStateException("cells left unclassified: " + open());
        }
        List<Matrix.Cell> rows = new ArrayList<>();
        for (String from : population) {
            for (String to : population) {
                rows.add(cells.get(new Key(table.firmware(), table.hardware(), from, to)));
            }
        }
        return rows;
    }

    /**
     * Some cells as one formula over the configuration, table by table; empty when there is none. A
     * question's enumeration restricted by it never revisits a cell settled before.
     */
    static Optional<String> formula(LoadedModel model, List<Key> keys) {
        Map<TableKey, List<String>> byTable = new LinkedHashMap<>();
        for (Key k : keys) {
            byTable.computeIfAbsent(k.table(), t -> new ArrayList<>())
                    .add(profile(model, k.from()) + "->" + profile(model, k.to()));
        }
        if (byTable.isEmpty()) {
            return Optional.empty();
        }
        List<String> tables = new ArrayList<>();
        byTable.forEach((t, pairs) -> tables.add("(Config.firmware = " + Names.valueToAlloy(t.firmware())
                + " and Config.hardware = " + Names.valueToAlloy(t.hardware())
                + " and (firstKernel.profile -> lastKernel.profile) in (" + String.join(" + ", pairs) + "))"));
        return Optional.of("(" + String.join(" or ", tables) + ")");
    }

    private static String profile(LoadedModel model, String cli) {
        return model.vocabulary().profileAlloy(cli, model.source().name());
    }
}
