package kexeccheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import kexeccheck.checker.CheckReport;
import kexeccheck.checker.Coverage;
import kexeccheck.checker.PropertyResult;
import kexeccheck.trace.Trace;
import kexeccheck.trace.TraceJson;

/**
 * The JSON form of a check: {@code model}, {@code configuration} (what was
 * explored), {@code outcome}, {@code bounds}, and {@code properties[]} with
 * {@code name}, {@code status}, {@code bounds}, when it holds {@code reach}
 * ("for all chain lengths (k-induction, k=1)" or "up to 4 steps"), and, when
 * violated, the {@code trace} (in the trace schema's format) and, when the
 * conditions were computed, {@code failsWhen} and {@code holdsWhen} over the
 * {@code openOptions} ({@link ConditionsJson}); {@code proof} says how the
 * unbounded proof went.
 */
public final class JsonReport {

    private JsonReport() {}

    /** A check as JSON ({@code report: "check"}), with the coverage guard's result when it ran. */
    public static String render(CheckReport report, Optional<Coverage> coverage, boolean withTimes) {
        ObjectNode root = JsonRoot.of(ReportKind.CHECK, report.model());
        JsonRoot.putOptions(root, "configuration", report.explored());
        root.put("outcome", report.outcome().cliName());
        root.set("bounds", TraceJson.mapper().valueToTree(report.bounds()));
        root.put("boundsDescription", report.bounds().describe());
        report.conditions().ifPresent(c -> ConditionsJson.putOpenOptions(root, c));
        report.counterexamples().ifPresent(c -> {
            ObjectNode choice = root.putObject("counterexampleChoice");
            ObjectNode where = choice.putObject("where");
            c.choice().where().forEach(where::put);
            choice.put("count", c.choice().count());
        });
        ArrayNode properties = root.putArray("properties");
        for (PropertyResult p : report.properties()) {
            ObjectNode node = properties.addObject();
            node.put("name", p.name());
            node.put("status", p.status().cliName());
            node.put("violationMeans", p.violationMeans().cliName());
            node.put("declaredAt", p.source());
            node.set("bounds", TraceJson.mapper().valueToTree(p.bounds()));
            if (p.status() == PropertyResult.Status.HOLDS) {
                node.put("provedForAllLengths", p.proved());
                node.put("reach", p.reach(report.proof()));
            }
            p.counterexample().ifPresent(t -> node.set("trace", TraceJson.toTree(t)));
            report.counterexamples().ifPresent(c -> {
                List<Trace> more = c.more().getOrDefault(p.name(), List.of());
                if (!more.isEmpty()) {
                    ArrayNode traces = node.putArray("moreTraces");
                    more.forEach(t -> traces.add(TraceJson.toTree(t)));
                }
                if (c.noneWhere().contains(p.name())) {
                    node.put("noCounterexampleWhere", true);
                }
            });
            report.conditions().flatMap(c -> c.of(p.name())).ifPresent(c -> ConditionsJson.putProperty(node, c));
            if (withTimes) {
                node.set("timing", JsonRoot.timing(p.timing()));
            }
        }
        report.outcomeWitness().ifPresent(t -> root.set("outcomeWitness", TraceJson.toTree(t)));
        report.proof().ifPresent(p -> JsonRoot.putProof(root, "proof", p, withTimes));
        coverage.ifPresent(c -> {
            ObjectNode node = root.putObject("coverage");
            node.put("complete", c.complete());
            ObjectNode events = node.putObject("events");
            c.events().forEach(events::put);
            ObjectNode booting = node.putObject("profilesBoot");
            c.profiles().forEach(booting::put);
            ObjectNode channels = node.putObject("channelsDeliver");
            c.channels().forEach(channels::put);
            JsonRoot.putStrings(node, "ruledOutByOptions", c.ruledOut());
        });
        if (withTimes) {
            report.conditions().ifPresent(c -> root.set("conditionsTiming", JsonRoot.timing(c.timing())));
            ObjectNode timing = JsonRoot.timing(report.timing());
            timing.put("wallMillis", report.wallMillis());
            timing.put("engine", JsonRoot.engine());
            root.set("timing", timing);
        }
        return JsonRoot.write(root, "the report");
    }

}
