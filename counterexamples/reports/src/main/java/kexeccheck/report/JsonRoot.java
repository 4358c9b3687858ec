package kexeccheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import kexeccheck.checker.Proof;
import kexeccheck.checker.Timing;
import kexeccheck.checker.sat.SatEngines;
import kexeccheck.trace.TraceJson;

/**
 * What every JSON report shares: the fields it starts with (tool, version, what it covered), its
 * solver timing, and how it is written.
 */
public final class JsonRoot {

    private JsonRoot() {}

    /** A report's root object: tool, version, the kind of report and its schema's version. */
    public static ObjectNode of(ReportKind kind) {
        ObjectNode root = TraceJson.mapper().createObjectNode();
        root.put("tool", "kexec-check");
        root.put("version", Version.current());
        root.put("report", kind.kind());
        root.put("schemaVersion", ReportKind.SCHEMA_VERSION);
        return root;
    }

    /** A report's root object, with the model it is about. */
    static ObjectNode of(ReportKind kind, String model) {
        ObjectNode root = of(kind);
        root.put("model", model);
        return root;
    }

    /** Adds {@code name}: each option with its values, in the map's order. */
    static void putOptions(ObjectNode root, String name, Map<String, List<String>> options) {
        ObjectNode object = root.putObject(name);
        options.forEach((option, values) -> putStrings(object, option, values));
    }

    /** Adds {@code name}: an array of strings. */
    public static void putStrings(ObjectNode root, String name, List<String> values) {
        ArrayNode array = root.putArray(name);
        values.forEach(array::add);
    }

    /** Adds {@code name}: how a proof for all chain lengths went ({@link Proof}). */
    static void putProof(ObjectNode root, String name, Proof p, boolean withTimes) {
        ObjectNode node = root.putObject(name);
        node.put("method", "k-induction");
        node.put("k", p.k());
        node.put("complete", p.complete());
        putStrings(node, "goals", p.goals());
        putStrings(node, "proved", p.proved());
        putStrings(node, "lemmas", p.lemmas());
        ArrayNode closedBy = node.putArray("closedBy");
        p.closedBy().forEach(l -> closedBy.addObject().put("lemma", l).put("meaning", p.meaning(l)));
        ArrayNode dropped = node.putArray("dropped");
        p.dropped().forEach(d -> dropped.addObject().put("candidate", d.candidate())
                .put("reachable", d.reachable()).put("reason", d.describe()));
        if (withTimes) {
            node.set("timing", timing(p.timing()));
        }
    }

    /** The SAT engine that answered this process's queries, by name: {@code timing.engine} of a report. */
    static String engine() {
        return SatEngines.current().name();
    }

    /** A solver timing as JSON. */
    static ObjectNode timing(Timing t) {
        ObjectNode node = TraceJson.mapper().createObjectNode();
        node.put("translateMillis", t.translateMillis());
        node.put("solveMillis", t.solveMillis());
        node.put("solverCalls", t.solverCalls());
        node.put("largestCnfClauses", t.largestCnf());
        return node;
    }

    /** The report as text, one line of JSON and a newline; {@code what} names it if that fails. */
    public static String write(ObjectNode root, String what) {
        try {
            return TraceJson.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " could not be written as JSON", e);
        }
    }
}
