package kexeccheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.CellConditions;
import kexeccheck.checker.Condition;
import kexeccheck.checker.Conditions;
import kexeccheck.checker.Matrix;
import kexeccheck.trace.Outcome;

/**
 * What each violated property needs, as JSON data ({@code $defs/condition} of {@code check.schema.json}):
 * a condition is a list of terms, each an object from option to the values it allows; an option a term
 * does not name may take any value, so {@code []} is "never" and {@code [{}]} is "always".
 */
public final class ConditionsJson {

    private ConditionsJson() {}

    /**
     * Adds {@code openOptions}: each option left open with its values, the space the conditions range
     * over; when they were computed, {@code verdictConditions}: the check as a whole, and the options
     * it hangs on; and, when they were not computed, {@code conditionsOmitted}: how many configurations those
     * make, and the limit they exceed.
     */
    public static void putOpenOptions(ObjectNode root, Conditions conditions) {
        JsonRoot.putOptions(root, "openOptions", conditions.openOptions());
        conditions.verdict().ifPresent(v -> {
            ObjectNode node = root.putObject("verdictConditions");
            putProperty(node, v);
            JsonRoot.putStrings(node, "deciding", conditions.deciding());
        });
        if (!conditions.computed()) {
            root.putObject("conditionsOmitted").put("configurations", conditions.space().size())
                    .put("limit", conditions.limit());
        }
    }

    /** Adds {@code failsWhen}, {@code holdsWhen}, {@code failingConfigurations} and {@code runningConfigurations}. */
    public static void putProperty(ObjectNode node, Conditions.OfProperty p) {
        putCondition(node.putArray("failsWhen"), p.failsWhen());
        putCondition(node.putArray("holdsWhen"), p.holdsWhen());
        node.put("failingConfigurations", p.failing());
        node.put("runningConfigurations", p.running());
    }

    /**
     * Adds a failing matrix cell's {@code classes} (each class it shows, worst first: {@code outcome},
     * {@code when}, {@code configurations}, {@code shortest}), {@code runningConfigurations} and
     * {@code deciding} ({@code $defs/cellConditions} of {@code matrix.schema.json}).
     *
     * @param order the open options, in the order {@code deciding} lists them
     */
    static void putCell(ObjectNode node, CellConditions c, java.util.Collection<String> order) {
        ArrayNode classes = node.putArray("classes");
        c.when().forEach((outcome, when) -> {
            ObjectNode cls = classes.addObject();
            cls.put("outcome", outcome.cliName());
            putCondition(cls.putArray("when"), when);
            cls.put("configurations", c.counts().get(outcome));
            cls.put("shortest", when.minimum());
        });
        node.put("runningConfigurations", c.running());
        JsonRoot.putStrings(node, "deciding", c.deciding(List.copyOf(order)));
    }

    /** Adds a matrix's {@code openOptions}, {@code limit}, {@code pairs} and {@code computed}. */
    static void putScope(ObjectNode node, Matrix.ConditionsScope scope) {
        JsonRoot.putOptions(node, "openOptions", scope.openOptions());
        node.put("limit", scope.limit());
        node.put("pairs", scope.pairs());
        node.put("computed", scope.computed());
    }

    /** A matrix's scope, read back from {@link #putScope}'s object. */
    static Matrix.ConditionsScope readScope(JsonNode node) {
        return new Matrix.ConditionsScope(ShardJson.optionMap(node.path("openOptions")), node.path("limit").asInt(),
                node.path("pairs").asLong());
    }

    /** A cell's conditions, read back from {@link #putCell}'s object. */
    static CellConditions readCell(JsonNode node) {
        Map<Outcome, Condition> when = new LinkedHashMap<>();
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        for (JsonNode cls : node.path("classes")) {
            Outcome outcome = Outcome.fromCliName(cls.path("outcome").asText());
            List<Condition.Term> terms = new ArrayList<>();
            cls.path("when").forEach(t -> terms.add(new Condition.Term(ShardJson.optionMap(t))));
            when.put(outcome, new Condition(terms, cls.path("shortest").asBoolean()));
            counts.put(outcome, cls.path("configurations").asInt());
        }
        return new CellConditions(when, counts, node.path("runningConfigurations").asInt());
    }

    /** Adds a condition's terms, each an object from option to the values it allows. */
    static void putCondition(ArrayNode terms, Condition c) {
        c.terms().forEach(t -> {
            ObjectNode term = terms.addObject();
            t.literals().forEach((option, values) -> JsonRoot.putStrings(term, option, values));
        });
    }
}
