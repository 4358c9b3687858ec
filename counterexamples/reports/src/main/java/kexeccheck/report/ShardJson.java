package kexeccheck.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import kexeccheck.checker.BadInputException;
import kexeccheck.checker.Shard;
import kexeccheck.checker.Timing;

/**
 * Reading back what a shard's JSON report holds, for {@code merge}: each missing or mistyped field
 * is bad input that names the field, and the shards must be the N parts of one run.
 */
final class ShardJson {

    private ShardJson() {}

    static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadInputException("no '" + field + "' where the report has one");
        }
        return v;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isTextual()) {
            throw new BadInputException("'" + field + "' is not a string");
        }
        return v.asText();
    }

    static int number(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.canConvertToInt()) {
            throw new BadInputException("'" + field + "' is not a whole number");
        }
        return v.asInt();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    static Map<String, List<String>> options(JsonNode root) {
        return optionMap(required(root, "options"));
    }

    /** An object from option names to arrays of values, in its order. */
    static Map<String, List<String>> optionMap(JsonNode object) {
        return kexeccheck.trace.TraceJson.mapper().convertValue(object, new TypeReference<Map<String, List<String>>>() { });
    }

    static Shard shard(JsonNode root) {
        return root.has("shard") ? Shard.parse(text(root, "shard")) : Shard.WHOLE;
    }

    static Timing timing(JsonNode t) {
        return t == null ? Timing.NONE : new Timing(t.path("translateMillis").asLong(), t.path("solveMillis").asLong(),
                t.path("solverCalls").asInt(), t.path("largestCnfClauses").asInt());
    }

    /**
     * Reads every part and orders them by shard index, refusing parts of another run than the first
     * file's (by what {@code identity} says a run is), a shard given twice, and a missing shard.
     *
     * @param identity what must be the same in every part of one run, by name
     */
    static <R> SortedMap<Integer, R> collect(Map<String, JsonNode> parts, BiFunction<String, JsonNode, R> read,
            Function<R, Shard> shardOf, Function<R, Map<String, Object>> identity) {
        SortedMap<Integer, R> byIndex = new TreeMap<>();
        String firstFile = null;
        Map<String, Object> first = null;
        int count = 0;
        for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
            R r = read.apply(part.getKey(), part.getValue());
            Map<String, Object> id = new LinkedHashMap<>(identity.apply(r));
            id.put("number of shards", shardOf.apply(r).count());
            if (first == null) {
                firstFile = part.getKey();
                first = id;
                count = shardOf.apply(r).count();
            }
            for (Map.Entry<String, Object> e : id.entrySet()) {
                if (!e.getValue().equals(first.get(e.getKey()))) {
                    throw new BadInputException(part.getKey() + ": not a shard of the same run as " + firstFile + " (its "
                            + e.getKey() + " differs: " + e.getValue() + " against " + first.get(e.getKey()) + ")");
                }
            }
            if (byIndex.put(shardOf.apply(r).index(), r) != null) {
                throw new BadInputException(part.getKey() + ": shard " + shardOf.apply(r) + " is given twice");
            }
        }
        requireAll(byIndex.keySet(), count, firstFile);
        return byIndex;
    }

    /** Refuses a set of shards with one missing. */
    private static void requireAll(Set<Integer> indices, int count, String firstFile) {
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!indices.contains(i)) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException("merge: shard" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " of the run of " + firstFile + " missing");
        }
    }

    /** Refuses a part that does not follow its report's schema: one written by another version, or edited. */
    static void requireSchema(String file, JsonNode root, ReportKind kind) {
        kind.schema().problems(root).stream().findFirst().ifPresent(p -> {
            throw new BadInputException(file + ": not a " + kind.kind() + " report of this kexec-check (" + p + ")");
        });
    }
}
