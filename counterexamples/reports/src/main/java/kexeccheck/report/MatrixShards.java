package kexeccheck.report;

import static kexeccheck.report.ShardJson.collect;
import static kexeccheck.report.ShardJson.required;
import static kexeccheck.report.ShardJson.shard;
import static kexeccheck.report.ShardJson.strings;
import static kexeccheck.report.ShardJson.text;
import static kexeccheck.report.ShardJson.timing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.Collectors;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.Matrix;
import kexeccheck.checker.Proof;
import kexeccheck.checker.Shard;
import kexeccheck.checker.Timing;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.InvalidTraceException;
import kexeccheck.trace.Outcome;
import kexeccheck.trace.TraceJson;

/**
 * Puts the JSON reports of {@code matrix --shard I/N}, one per part, back into the matrix the
 * whole run would have given: the same tables in the same order, the solver times summed, the
 * wall time the longest part's (the parts ran side by side).
 */
public final class MatrixShards {

    private MatrixShards() {}

    /**
     * The whole matrix from its parts.
     *
     * @param parts each part's file name and JSON report
     * @throws BadInputException when the parts are not the N parts of one matrix, naming the file
     */
    public static Matrix.Report merge(Map<String, JsonNode> parts) {
        SortedMap<Integer, Matrix.Report> byIndex = collect(parts, MatrixShards::read, Matrix.Report::shard,
                r -> Map.of("model", r.model(), "population", r.population(), "options", r.options(),
                        "bounds", r.bounds()));
        Matrix.Report first = byIndex.get(byIndex.firstKey());
        int count = first.shard().count();
        List<Matrix.Table> tables = new ArrayList<>();
        // part i holds the tables at positions i-1, i-1+N, ...: deal them back in that order
        for (int position = 0; ; position++) {
            List<Matrix.Table> of = byIndex.get(position % count + 1).tables();
            if (position / count >= of.size()) {
                break;
            }
            tables.add(of.get(position / count));
        }
        int total = byIndex.values().stream().mapToInt(r -> r.tables().size()).sum();
        if (tables.size() != total) {
            throw new BadInputException("merge: the shards of " + parts.keySet().iterator().next() + " hold " + total
                    + " tables, but not in the shares --shard deals (a shard was edited or cut)");
        }
        Timing timing = byIndex.values().stream().map(Matrix.Report::timing).reduce(Timing.NONE, Timing::plus);
        long wall = byIndex.values().stream().mapToLong(Matrix.Report::wallMillis).max().orElse(0);
        // the shards may have run on machines with different engines: the merged report names each
        String engines = byIndex.values().stream().map(Matrix.Report::engine).filter(e -> !e.isEmpty()).distinct()
                .sorted().collect(Collectors.joining("+"));
        return new Matrix.Report(first.model(), first.population(), first.options(), first.bounds(), Shard.WHOLE,
                tables, timing, wall, engines, conditions(byIndex.values()));
    }

    /**
     * The parts' conditions scope as one: the pairs of every part (each part classified its own failing
     * cells if they were within the limit, so the merged cells may have them in some tables only).
     */
    private static Optional<Matrix.ConditionsScope> conditions(java.util.Collection<Matrix.Report> parts) {
        List<Matrix.ConditionsScope> scopes = parts.stream().flatMap(r -> r.conditions().stream()).toList();
        if (scopes.isEmpty()) {
            return Optional.empty();
        }
        Matrix.ConditionsScope first = scopes.get(0);
        return Optional.of(new Matrix.ConditionsScope(first.openOptions(), first.limit(),
                scopes.stream().mapToLong(Matrix.ConditionsScope::pairs).sum()));
    }

    /** One part, from the JSON {@code matrix --format json} wrote. */
    static Matrix.Report read(String file, JsonNode root) {
        ShardJson.requireSchema(file, root, ReportKind.MATRIX);
        try {
            List<Matrix.Table> tables = new ArrayList<>();
            for (JsonNode t : required(root, "tables")) {
                List<Matrix.Cell> cells = new ArrayList<>();
                for (JsonNode c : required(t, "cells")) {
                    Outcome o = Outcome.fromCliName(text(c, "outcome"));
                    cells.add(new Matrix.Cell(text(c, "from"), text(c, "to"), o,
                            c.has("trace") ? Optional.of(TraceJson.fromTree(c.get("trace"), file + ": a cell's trace"))
                                    : Optional.empty(),
                            c.has("conditions") ? Optional.of(ConditionsJson.readCell(c.get("conditions")))
                                    : Optional.empty()));
                }
                tables.add(new Matrix.Table(text(t, "firmware"), text(t, "hardware"), cells,
                        t.has("safeCellsProof") ? Optional.of(proof(t.get("safeCellsProof"))) : Optional.empty()));
            }
            JsonNode timing = root.get("timing");
            return new Matrix.Report(text(root, "model"), strings(required(root, "population")),
                    ShardJson.options(root),
                    TraceJson.mapper().treeToValue(required(root, "bounds"), Bounds.class),
                    shard(root), tables, timing(timing),
                    timing == null ? 0 : timing.path("wallMillis").asLong(),
                    timing == null ? "" : timing.path("engine").asText(""),
                    root.has("conditions") ? Optional.of(ConditionsJson.readScope(root.get("conditions")))
                            : Optional.empty());
        } catch (InvalidTraceException e) {
            throw new BadInputException(e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException(file + ": not a matrix report of kexec-check (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    private static Proof proof(JsonNode p) {
        List<Proof.Dropped> dropped = new ArrayList<>();
        required(p, "dropped").forEach(d -> dropped.add(new Proof.Dropped(text(d, "candidate"),
                d.path("reachable").asBoolean())));
        return new Proof(p.path("k").asInt(), strings(required(p, "goals")), strings(required(p, "proved")),
                strings(required(p, "lemmas")), dropped, timing(p.get("timing")));
    }
}
