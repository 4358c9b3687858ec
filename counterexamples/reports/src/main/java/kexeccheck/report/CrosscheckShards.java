package kexeccheck.report;

import static kexeccheck.report.ShardJson.collect;
import static kexeccheck.report.ShardJson.number;
import static kexeccheck.report.ShardJson.required;
import static kexeccheck.report.ShardJson.shard;
import static kexeccheck.report.ShardJson.strings;
import static kexeccheck.report.ShardJson.text;
import static kexeccheck.report.ShardJson.timing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.ConfigurationSpace;
import kexeccheck.checker.Shard;
import kexeccheck.checker.Timing;
import kexeccheck.crosscheck.CrossCheck;
import kexeccheck.trace.Bounds;
import kexeccheck.trace.TraceJson;

/**
 * Puts the JSON reports of {@code crosscheck --shard I/N} back into the whole cross-check: the
 * counts and the class table summed, the disagreements and divergences of every part (the first
 * {@code show} of each kind), the solver times summed, the wall times the longest part's.
 */
public final class CrosscheckShards {

    private CrosscheckShards() {}

    /**
     * The whole cross-check from its parts.
     *
     * @throws BadInputException when the parts are not the N parts of one cross-check, naming the file
     */
    public static CrossCheck.Report merge(Map<String, JsonNode> parts, int show) {
        SortedMap<Integer, CrossCheck.Report> byIndex = collect(parts, CrosscheckShards::read,
                CrossCheck.Report::shard, r -> Map.of("model", r.model(), "scope", r.scope(), "bounds", r.bounds()));
        CrossCheck.Report first = byIndex.get(byIndex.firstKey());
        int configurations = 0;
        int agreements = 0;
        int replayed = 0;
        int stateAgreements = 0;
        long simulatorMillis = 0;
        long checkerMillis = 0;
        Timing timing = Timing.NONE;
        Map<String, Map<String, Integer>> classes = new TreeMap<>();
        List<CrossCheck.Disagreement> disagreements = new ArrayList<>();
        List<CrossCheck.StateDivergence> divergences = new ArrayList<>();
        for (CrossCheck.Report r : byIndex.values()) {
            configurations += r.configurations();
            agreements += r.agreements();
            replayed += r.replayed();
            stateAgreements += r.stateAgreements();
            simulatorMillis = Math.max(simulatorMillis, r.simulatorMillis());
            checkerMillis = Math.max(checkerMillis, r.checkerMillis());
            timing = timing.plus(r.timing());
            r.classes().forEach((checker, bySim) -> bySim.forEach((sim, n) ->
                    classes.computeIfAbsent(checker, c -> new TreeMap<>()).merge(sim, n, Integer::sum)));
            r.disagreements().stream().limit(Math.max(0, show - disagreements.size())).forEach(disagreements::add);
            r.stateDivergences().stream().limit(Math.max(0, show - divergences.size())).forEach(divergences::add);
        }
        return new CrossCheck.Report(first.model(), first.scope(), Shard.WHOLE, first.bounds(), configurations,
                agreements, classes, disagreements, replayed, stateAgreements, divergences, simulatorMillis,
                checkerMillis, timing);
    }

    private static Map<String, String> values(JsonNode options) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        options.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** One part, from the JSON {@code crosscheck --format json} wrote. */
    static CrossCheck.Report read(String file, JsonNode root) {
        ShardJson.requireSchema(file, root, ReportKind.CROSSCHECK);
        try {
            Map<String, Map<String, Integer>> classes = new TreeMap<>();
            required(root, "classes").fields().forEachRemaining(row -> row.getValue().fields().forEachRemaining(
                    cell -> classes.computeIfAbsent(row.getKey(), k -> new TreeMap<>()).put(cell.getKey(),
                            cell.getValue().asInt())));
            List<CrossCheck.Disagreement> disagreements = new ArrayList<>();
            for (JsonNode d : required(root, "disagreements")) {
                disagreements.add(new CrossCheck.Disagreement(text(d, "configuration"), strings(required(d, "chain")),
                        values(required(d, "options")), text(d, "simulator"), text(d, "checker"), strings(required(d, "simulatorRun")), strings(required(d, "checkerRun"))));
            }
            List<CrossCheck.StateDivergence> divergences = new ArrayList<>();
            for (JsonNode d : required(root, "stateDivergences")) {
                divergences.add(new CrossCheck.StateDivergence(text(d, "configuration"), strings(required(d, "chain")),
                        values(required(d, "options")), text(d, "checkerClass"),
                        text(d, "verdict"), strings(required(d, "replay"))));
            }
            JsonNode timing = root.get("timing");
            List<String> population = strings(required(root, "population"));
            return new CrossCheck.Report(text(root, "model"),
                    new ConfigurationSpace.Scope(text(root, "model"), population, ShardJson.options(root), 2,
                            number(root, "kernels")),
                    shard(root), TraceJson.mapper().treeToValue(required(root, "bounds"), Bounds.class),
                    number(root, "configurations"), number(root, "agreements"), classes, disagreements,
                    number(root, "replayed"), number(root, "stateAgreements"), divergences,
                    timing == null ? 0 : timing.path("simulatorMillis").asLong(),
                    timing == null ? 0 : timing.path("checkerMillis").asLong(), timing(timing));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException(file + ": not a cross-check report of kexec-check (" + e.getMessage().lines()
                    .findFirst().orElse("") + ")");
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }
}
