package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.Matrix;
import kexeccheck.trace.JsonSchemaFile;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.TraceJson;

/** The matrix as aligned text tables with a legend, or as JSON with every counterexample. */
public final class MatrixReport {

    private static final Map<String, String> CODES = Map.of(
            "corruption", "C", "lost-lpis", "L", "fail-stop", "F", "recoverable", "R", "safe", "S",
            "not-applicable", "NA");

    private MatrixReport() {}

    /** The matrix code of an outcome class by its CLI name (corruption: C), or "" for none. */
    static String codeOf(String cliName) {
        return CODES.getOrDefault(cliName, "");
    }

    static String code(Outcome o) {
        return o.isClass() ? CODES.get(o.cliName()) : "-";
    }

    /** The matrix as text: one table per firmware and hardware, one letter per cell, then the evidence. */
    public static String text(Matrix.Report r, boolean withTimes) {
        StringBuilder out = new StringBuilder();
        out.append("kexec-check ").append(Version.current()).append(": compatibility matrix, model ").append(r.model())
                .append('\n');
        out.append("rows: first kernel A; columns: second kernel B (kexec A -> B)\n");
        r.options().forEach((k, v) -> {
            if (!k.equals("firmware") && !k.equals("hardware")) {
                out.append(k).append('=').append(String.join(",", v)).append(' ');
            }
        });
        out.append("bounds: ").append(r.bounds().describe()).append('\n');
        if (!r.shard().whole()) {
            out.append("shard ").append(r.shard()).append(": ").append(r.tables().size())
                    .append(" of the tables (kexec-check merge puts the shards together)\n");
        }
        int width = Math.max(6, r.population().stream().mapToInt(String::length).max().orElse(6));
        for (Matrix.Table t : r.tables()) {
            out.append('\n').append("firmware=").append(t.firmware()).append(" hardware=").append(t.hardware()).append('\n');
            t.safeCellsProof().ifPresent(p -> out.append("  proof of the safe cells: ").append(p.describe()).append('\n'));
            out.append(String.format("  %-" + width + "s", "A \\ B"));
            r.population().forEach(p -> out.append(String.format("  %-" + width + "s", p)));
            out.append('\n');
            for (String from : r.population()) {
                out.append(String.format("  %-" + width + "s", from));
                for (String to : r.population()) {
                    Matrix.Cell c = cell(t, from, to);
                    out.append(String.format("  %-" + width + "s", code(c.outcome())));
                }
                out.append('\n');
            }
        }
        out.append("\nlegend: C corruption, L lost-lpis, F fail-stop, R recoverable (warnings), S safe,"
                + " NA not-applicable, - the chain cannot run\n");
        out.append("S: every property holds, and no warning, ").append(r.safeReach())
                .append(r.proofTried() ? "" : " (--prove tries for all chain lengths)").append('\n');
        r.conditions().ifPresent(scope -> out.append(CellConditionsText.scope(r, scope)));
        List<Matrix.Cell> failing = r.tables().stream().flatMap(t -> t.cells().stream()
                .filter(c -> c.evidence().isPresent())).toList();
        if (!failing.isEmpty()) {
            out.append("\nevidence (full traces with --format json):\n");
            for (Matrix.Table t : r.tables()) {
                for (Matrix.Cell c : t.cells()) {
                    c.evidence().ifPresent(e -> out.append(String.format("  %s/%s %s -> %s: %s (%s in %d steps: %s)%n",
                            t.firmware(), t.hardware(), c.from(), c.to(), code(c.outcome()), e.property(),
                            e.states().size() - 1, e.configuration().options().entrySet().stream()
                                    .filter(o -> !o.getKey().equals("firmware") && !o.getKey().equals("hardware"))
                                    .map(o -> o.getKey() + "=" + o.getValue()).reduce((a, b) -> a + " " + b).orElse(""))));
                    c.conditions().ifPresent(when -> out.append(CellConditionsText.cell(when, "      ")));
                }
            }
        }
        if (withTimes) {
            out.append(String.format("%ntime: %.1f s wall (translation %.1f s, solving %.1f s%s, %d solver calls)%n",
                    r.wallMillis() / 1000.0, r.timing().translateMillis() / 1000.0, r.timing().solveMillis() / 1000.0,
                    r.engine().isEmpty() ? "" : " by " + r.engine(), r.timing().solverCalls()));
        }
        return out.toString();
    }

    /** The matrix as JSON ({@code report: "matrix"}, valid against {@code matrix.schema.json}). */
    public static String json(Matrix.Report r, boolean withTimes) {
        ObjectNode root = JsonRoot.of(ReportKind.MATRIX, r.model());
        JsonRoot.putStrings(root, "population", r.population());
        JsonRoot.putOptions(root, "options", r.options());
        root.set("bounds", TraceJson.mapper().valueToTree(r.bounds()));
        root.put("shard", r.shard().toString());
        root.put("safeReach", r.safeReach());
        r.conditions().ifPresent(scope -> ConditionsJson.putScope(root.putObject("conditions"), scope));
        ArrayNode tables = root.putArray("tables");
        for (Matrix.Table t : r.tables()) {
            ObjectNode table = tables.addObject();
            table.put("firmware", t.firmware());
            table.put("hardware", t.hardware());
            t.safeCellsProof().ifPresent(p -> JsonRoot.putProof(table, "safeCellsProof", p, withTimes));
            ArrayNode cells = table.putArray("cells");
            for (Matrix.Cell c : t.cells()) {
                ObjectNode cell = cells.addObject();
                cell.put("from", c.from());
                cell.put("to", c.to());
                cell.put("outcome", c.outcome().cliName());
                c.evidence().ifPresent(e -> cell.set("trace", TraceJson.toTree(e)));
                c.conditions().ifPresent(when -> ConditionsJson.putCell(cell.putObject("conditions"), when,
                        r.conditions().orElseThrow().openOptions().keySet()));
            }
        }
        if (withTimes) {
            ObjectNode timing = JsonRoot.timing(r.timing());
            root.set("timing", timing);
            timing.put("wallMillis", r.wallMillis());
            if (!r.engine().isEmpty()) {
                timing.put("engine", r.engine());
            }
        }
        return JsonRoot.write(root, "the matrix");
    }

    private static Matrix.Cell cell(Matrix.Table t, String from, String to) {
        return t.cells().stream().filter(c -> c.from().equals(from) && c.to().equals(to)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cell " + from + " -> " + to));
    }
}
