package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kexeccheck.checker.Condition;
import kexeccheck.checker.Conditions;

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
        put(node.putArray("failsWhen"), p.failsWhen());
        put(node.putArray("holdsWhen"), p.holdsWhen());
        node.put("failingConfigurations", p.failing());
        node.put("runningConfigurations", p.running());
    }

    private static void put(ArrayNode terms, Condition c) {
        c.terms().forEach(t -> {
            ObjectNode term = terms.addObject();
            t.literals().forEach((option, values) -> JsonRoot.putStrings(term, option, values));
        });
    }
}
